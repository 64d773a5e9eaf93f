package org.mlplatform.portal.ui.features;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
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
import org.mlplatform.domain.features.FeatureServiceDefinition;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.domain.security.Role;
import org.mlplatform.portal.features.FeatureServices;
import org.mlplatform.portal.features.FeatureStoreService;
import org.mlplatform.portal.ui.base.CurrentUser;
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
  public FeaturesView(FeatureStoreService features, FeatureServices services) {
    add(new H2("Features"));
    PlatformUser user = CurrentUser.get();
    boolean mayDefine = user.hasRole(Role.DATA_SCIENTIST) || user.hasRole(Role.ADMIN);
    DefinitionEditors editors = new DefinitionEditors(features, services, user);
    if (mayDefine) {
      Button newView = new Button("New feature view", e -> editors.newView());
      newView.setId("new-feature-view");
      newView.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      Button newService = new Button("New feature service", e -> editors.newService());
      newService.setId("new-feature-service");
      add(new HorizontalLayout(newView, newService));
    }
    List<FeatureViewDefinition> views = features.latestViews();
    if (views.isEmpty()) {
      add(
          new EmptyState(
              VaadinIcon.TABLE,
              "No feature views yet",
              "Define a feature view with the button above, or with POST /api/v1/entities and"
                  + " POST /api/v1/feature-views (described at /openapi)."));
    } else {
      Grid<FeatureViewDefinition> grid = viewGrid(views);
      TextField filter = new TextField();
      filter.setId("feature-view-filter");
      filter.setPlaceholder("Filter by name, feature, tag, owner or description");
      filter.setPrefixComponent(VaadinIcon.SEARCH.create());
      filter.setClearButtonVisible(true);
      filter.setWidth("28em");
      filter.setValueChangeMode(ValueChangeMode.LAZY);
      filter.addValueChangeListener(
          e -> grid.setItems(views.stream().filter(v -> matches(v, e.getValue())).toList()));
      add(filter, grid);
    }
    List<FeatureServiceDefinition> known = services.latest();
    if (!known.isEmpty()) {
      add(new H3("Feature services"), serviceGrid(known, mayDefine ? editors : null));
    }
    List<EntityDefinition> entities = features.entities();
    if (!entities.isEmpty()) {
      add(new H3("Entities"), entityGrid(entities));
    }
  }

  /** Whether every word of the filter appears somewhere in the view's definition. */
  static boolean matches(FeatureViewDefinition view, String filter) {
    String text =
        String.join(
                " ",
                view.name().value(),
                view.owner(),
                view.description(),
                String.join(" ", view.tags()),
                join(view.features().stream().map(f -> f.name().value()).toList()),
                join(view.derivedFeatures().stream().map(d -> d.name().value()).toList()),
                join(view.entities()))
            .toLowerCase(java.util.Locale.ROOT);
    return java.util.Arrays.stream(filter.toLowerCase(java.util.Locale.ROOT).split("\\s+"))
        .allMatch(text::contains);
  }

  private static Grid<FeatureServiceDefinition> serviceGrid(
      List<FeatureServiceDefinition> services, DefinitionEditors editors) {
    Grid<FeatureServiceDefinition> grid = new Grid<>();
    grid.setId("feature-service-grid");
    grid.addColumn(s -> s.name().value()).setHeader("Feature service").setAutoWidth(true);
    grid.addColumn(FeatureServiceDefinition::version).setHeader("Version").setAutoWidth(true);
    grid.addColumn(s -> join(s.features())).setHeader("Features").setFlexGrow(1);
    grid.addColumn(FeatureServiceDefinition::owner).setHeader("Owner").setAutoWidth(true);
    grid.addColumn(FeatureServiceDefinition::description)
        .setHeader("Description")
        .setAutoWidth(true);
    if (editors != null) {
      grid.addComponentColumn(
              s -> {
                Button edit = new Button("Edit", e -> editors.editService(s));
                edit.setId("edit-service-" + s.name());
                edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                return edit;
              })
          .setAutoWidth(true);
    }
    grid.setItems(services);
    grid.setAllRowsVisible(true);
    return grid;
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
