package org.mlplatform.portal.ui.features;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
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
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.DerivedFeatureDefinition;
import org.mlplatform.domain.features.FeatureDefinition;
import org.mlplatform.domain.features.FeatureRegistry;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.features.PersonalData;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.jobs.JobRepository;
import org.mlplatform.domain.security.PiiAccess;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.domain.security.Role;
import org.mlplatform.portal.features.FeatureIngestion;
import org.mlplatform.portal.features.FeatureServices;
import org.mlplatform.portal.features.FeatureStoreService;
import org.mlplatform.portal.features.FeatureViewInsights;
import org.mlplatform.portal.ui.base.CurrentUser;
import org.mlplatform.portal.ui.base.Times;
import org.mlplatform.portal.ui.charts.StatisticsPanel;

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
  private final FeatureViewInsights insights;
  private final FeatureServices services;

  /** Statistics on the page read at most this many rows, so the page stays quick. */
  static final long STATISTICS_ROWS = 100_000;

  @Inject
  public FeatureViewDetailView(
      FeatureStoreService features,
      FeatureIngestion ingestion,
      JobRepository jobs,
      FeatureViewInsights insights,
      FeatureServices services) {
    this.services = services;
    this.features = features;
    this.ingestion = ingestion;
    this.jobs = jobs;
    this.insights = insights;
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
        freshness(view),
        new H3("Schema"),
        schemaGrid(view.features()));
    if (!view.derivedFeatures().isEmpty()) {
      add(new H3("On-demand features"), derivedGrid(view));
    }
    add(new H3("Versions"), versions(view));
    addData(view);
    PlatformUser user = CurrentUser.get();
    if (user.hasRole(Role.DATA_SCIENTIST) || user.hasRole(Role.ADMIN)) {
      Button edit =
          new Button(
              "Edit definition",
              e -> new DefinitionEditors(features, services, user).editView(view));
      edit.setId("edit-feature-view");
      addComponentAtIndex(1, edit);
      add(
          new H3("Upload rows"),
          new CsvUploadPanel(view.name(), ingestion, jobs, user, UI.getCurrent()));
    }
  }

  private Paragraph freshness(FeatureViewDefinition view) {
    FeatureViewInsights.Freshness freshness = insights.freshness(view);
    Paragraph paragraph =
        new Paragraph(
            "Last ingest: "
                + freshness
                    .lastIngest()
                    .map(e -> Times.format(e.occurredAt()) + " by " + e.actor())
                    .orElse("never")
                + " · last materialization: "
                + freshness
                    .lastMaterialization()
                    .map(
                        r ->
                            Times.format(r.finishedAt())
                                + " (values up to "
                                + Times.format(r.materializedUntil())
                                + ", "
                                + r.rowsWritten()
                                + " entities)")
                    .orElse("never"));
    paragraph.setId("feature-view-freshness");
    return paragraph;
  }

  /** Sample rows and statistics, only when the version holds data. */
  private void addData(FeatureViewDefinition view) {
    List<Observation> sample = insights.sample(view, 20);
    if (sample.isEmpty()) {
      return;
    }
    // Personal data: a reader without the right sees that values exist, never what they are.
    boolean masked = PersonalData.isPersonal(view) && !PiiAccess.maySee(CurrentUser.get());
    add(new H3("Sample rows"), sampleGrid(view, sample, masked));
    if (masked) {
      Span note =
          new Span(
              "This view holds personal data (tag pii): its values are shown as "
                  + PiiAccess.MASK
                  + " to roles other than "
                  + PiiAccess.allowedRoles()
                  + ".");
      note.setId("pii-masked-note");
      add(note);
    }
    FeatureViewInsights.Statistics read = insights.statistics(view, STATISTICS_ROWS);
    FeatureViewInsights.Statistics statistics = masked ? read.masked() : read;
    add(
        new H3("Statistics"),
        new Span(
            statistics.capped()
                ? "Over the first " + statistics.rowsRead() + " stored rows."
                : "Over all " + statistics.rowsRead() + " stored rows."),
        new StatisticsPanel(statistics.columns()));
  }

  private Grid<Observation> sampleGrid(
      FeatureViewDefinition view, List<Observation> rows, boolean masked) {
    Grid<Observation> grid = new Grid<>();
    grid.setId("sample-grid");
    List<String> keys = features.joinKeyNames(view);
    for (int i = 0; i < keys.size(); i++) {
      int index = i;
      grid.addColumn(r -> String.valueOf(r.key().values().get(index)))
          .setHeader(keys.get(i))
          .setAutoWidth(true);
    }
    grid.addColumn(r -> Times.format(r.eventTime()))
        .setHeader(FeatureViewDefinition.EVENT_TIMESTAMP)
        .setAutoWidth(true);
    for (int i = 0; i < view.features().size(); i++) {
      int index = i;
      grid.addColumn(r -> masked ? PiiAccess.MASK : FeatureViewDetailView.shown(r.values()[index]))
          .setHeader(view.features().get(i).name().value())
          .setAutoWidth(true);
    }
    grid.setItems(rows);
    grid.setAllRowsVisible(true);
    return grid;
  }

  private static String shown(Object value) {
    return value == null ? "∅" : String.valueOf(value);
  }

  private static Grid<DerivedFeatureDefinition> derivedGrid(FeatureViewDefinition view) {
    Grid<DerivedFeatureDefinition> grid = new Grid<>();
    grid.setId("derived-grid");
    grid.addColumn(d -> d.name().value()).setHeader("Feature").setAutoWidth(true);
    grid.addColumn(DerivedFeatureDefinition::type).setHeader("Type").setAutoWidth(true);
    grid.addColumn(DerivedFeatureDefinition::expression).setHeader("Expression").setFlexGrow(1);
    grid.addColumn(DerivedFeatureDefinition::description).setHeader("Description").setFlexGrow(1);
    grid.setItems(view.derivedFeatures());
    grid.setAllRowsVisible(true);
    return grid;
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
            + (view.requestFields().isEmpty()
                ? ""
                : " · request fields: "
                    + view.requestFields().stream()
                        .map(f -> f.name() + " " + f.type())
                        .collect(Collectors.joining(", ")))
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
