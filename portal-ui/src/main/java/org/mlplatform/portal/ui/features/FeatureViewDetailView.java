package org.mlplatform.portal.ui.features;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Collectors;
import org.mlplatform.domain.features.FeatureDefinition;
import org.mlplatform.domain.features.FeatureRegistry;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.jobs.JobRepository;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.domain.security.Role;
import org.mlplatform.portal.features.FeatureIngestion;
import org.mlplatform.portal.features.FeatureStoreService;
import org.mlplatform.portal.ui.base.CurrentUser;

/**
 * One feature view: its schema, versions and stored rows, and (for data scientists) a CSV upload
 * whose ingestion job shows its progress here.
 */
@Route("features/:name")
@PageTitle("Feature view | MLP")
@PermitAll
@Dependent
public class FeatureViewDetailView extends VerticalLayout implements BeforeEnterObserver {

  private final FeatureStoreService features;
  private final FeatureIngestion ingestion;
  private final JobRepository jobs;

  @Inject
  public FeatureViewDetailView(
      FeatureStoreService features, FeatureIngestion ingestion, JobRepository jobs) {
    this.features = features;
    this.ingestion = ingestion;
    this.jobs = jobs;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    String name = event.getRouteParameters().get("name").orElse("");
    FeatureViewDefinition view;
    try {
      view = features.latestView(ResourceName.of("name", name));
    } catch (IllegalArgumentException | FeatureRegistry.NotFoundException e) {
      event.rerouteToError(NotFoundException.class);
      return;
    }
    removeAll();
    show(view);
  }

  private void show(FeatureViewDefinition view) {
    H2 title = new H2(view.name() + "  v" + view.version());
    title.setId("feature-view-title");
    Span rows = new Span(ingestion.rowCount(view.name()) + " rows stored in this version");
    rows.setId("feature-view-rows");
    add(
        title,
        new Paragraph(view.description().isBlank() ? "No description." : view.description()),
        facts(view),
        rows,
        new H3("Schema"),
        schemaGrid(view.features()),
        new H3("Versions"),
        versions(view));
    PlatformUser user = CurrentUser.get();
    if (user.hasRole(Role.DATA_SCIENTIST) || user.hasRole(Role.ADMIN)) {
      add(
          new H3("Upload rows"),
          new CsvUploadPanel(view.name(), ingestion, jobs, user, UI.getCurrent()));
    }
  }

  private Paragraph facts(FeatureViewDefinition view) {
    return new Paragraph(
        "Entities: "
            + view.entities().stream().map(ResourceName::value).collect(Collectors.joining(", "))
            + " · join keys: "
            + String.join(", ", features.joinKeyNames(view))
            + " · TTL: "
            + FeaturesView.ttl(view.ttl())
            + " · owner: "
            + view.owner()
            + (view.tags().isEmpty()
                ? ""
                : " · tags: " + String.join(", ", view.tags().stream().sorted().toList())));
  }

  private static Grid<FeatureDefinition> schemaGrid(List<FeatureDefinition> schema) {
    Grid<FeatureDefinition> grid = new Grid<>();
    grid.setId("schema-grid");
    grid.addColumn(f -> f.name().value()).setHeader("Feature").setAutoWidth(true);
    grid.addColumn(FeatureDefinition::type).setHeader("Type").setAutoWidth(true);
    grid.addColumn(FeatureDefinition::description).setHeader("Description").setFlexGrow(1);
    grid.setItems(schema);
    grid.setAllRowsVisible(true);
    return grid;
  }

  private Paragraph versions(FeatureViewDefinition view) {
    return new Paragraph(
        features.versions(view.name()).stream()
            .map(
                v ->
                    "v" + v + " (" + features.view(view.name(), v).features().size() + " features)")
            .collect(Collectors.joining(", ")));
  }
}
