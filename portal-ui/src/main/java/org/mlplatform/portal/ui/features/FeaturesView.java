package org.mlplatform.portal.ui.features;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.mlplatform.domain.features.EntityDefinition;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.portal.features.FeatureStoreService;
import org.mlplatform.portal.ui.base.EmptyState;

/**
 * The feature catalogue: every feature view (newest version) and every entity, from the database.
 */
@Route("features")
@PageTitle("Features | MLP")
@PermitAll
@Dependent
public class FeaturesView extends VerticalLayout {

  @Inject
  public FeaturesView(FeatureStoreService features) {
    add(new H2("Features"));
    List<FeatureViewDefinition> views = features.latestViews();
    if (views.isEmpty()) {
      add(
          new EmptyState(
              VaadinIcon.TABLE,
              "No feature views yet",
              "Define entities and feature views with POST /api/v1/entities and"
                  + " POST /api/v1/feature-views (described at /openapi); they appear here."));
    } else {
      add(viewGrid(views));
    }
    List<EntityDefinition> entities = features.entities();
    if (!entities.isEmpty()) {
      add(new H3("Entities"), entityGrid(entities));
    }
  }

  private static Grid<FeatureViewDefinition> viewGrid(List<FeatureViewDefinition> views) {
    Grid<FeatureViewDefinition> grid = new Grid<>();
    grid.setId("feature-view-grid");
    grid.addComponentColumn(
            v ->
                new RouterLink(
                    v.name().value(),
                    FeatureViewDetailView.class,
                    new RouteParameters("name", v.name().value())))
        .setHeader("Feature view")
        .setAutoWidth(true);
    grid.addColumn(FeatureViewDefinition::version).setHeader("Version").setAutoWidth(true);
    grid.addColumn(v -> join(v.entities())).setHeader("Entities").setAutoWidth(true);
    grid.addColumn(
            v ->
                v.features().stream()
                    .map(f -> f.name() + " " + f.type())
                    .collect(Collectors.joining(", ")))
        .setHeader("Features")
        .setFlexGrow(1);
    grid.addColumn(v -> ttl(v.ttl())).setHeader("TTL").setAutoWidth(true);
    grid.addColumn(FeatureViewDefinition::owner).setHeader("Owner").setAutoWidth(true);
    grid.addColumn(v -> String.join(", ", v.tags().stream().sorted().toList()))
        .setHeader("Tags")
        .setAutoWidth(true);
    grid.setItems(views);
    grid.setAllRowsVisible(true);
    return grid;
  }

  private static Grid<EntityDefinition> entityGrid(List<EntityDefinition> entities) {
    Grid<EntityDefinition> grid = new Grid<>();
    grid.setId("entity-grid");
    grid.addColumn(e -> e.name().value()).setHeader("Entity").setAutoWidth(true);
    grid.addColumn(
            e ->
                e.joinKeys().stream()
                    .map(k -> k.name() + " " + k.type())
                    .collect(Collectors.joining(", ")))
        .setHeader("Join keys")
        .setAutoWidth(true);
    grid.addColumn(EntityDefinition::description).setHeader("Description").setFlexGrow(1);
    grid.setItems(entities);
    grid.setAllRowsVisible(true);
    return grid;
  }

  private static String join(List<?> values) {
    return values.stream().map(Object::toString).collect(Collectors.joining(", "));
  }

  /** A TTL as people say it: "1 d", "36 h", "forever". */
  static String ttl(Duration ttl) {
    if (ttl.isZero()) {
      return "forever";
    }
    long s = ttl.toSeconds();
    if (s % 86_400 == 0) {
      return s / 86_400 + " d";
    }
    if (s % 3_600 == 0) {
      return s / 3_600 + " h";
    }
    return s + " s";
  }
}
