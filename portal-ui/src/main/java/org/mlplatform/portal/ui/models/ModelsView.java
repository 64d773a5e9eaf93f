package org.mlplatform.portal.ui.models;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.stream.Collectors;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.ModelDefinition;
import org.mlplatform.domain.models.ModelRegistry;
import org.mlplatform.domain.models.PageRequest;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.domain.security.Role;
import org.mlplatform.portal.audit.AuditRecorder.Origin;
import org.mlplatform.portal.models.ModelStore;
import org.mlplatform.portal.ui.base.CurrentUser;
import org.mlplatform.portal.ui.base.Times;

/** The model registry: every model with its aliases; data scientists create models here. */
@Route("models")
@PageTitle("Models | MLP")
@PermitAll
@Dependent
public class ModelsView extends VerticalLayout {

  static final int PAGE = 500;

  private final ModelStore models;
  private final Grid<ModelDefinition> grid = new Grid<>();
  private final TextField filter = new TextField();

  @Inject
  public ModelsView(ModelStore models) {
    this.models = models;
    setSizeFull();
    filter.setPlaceholder("Filter by name");
    filter.setId("models-filter");
    filter.setValueChangeMode(ValueChangeMode.LAZY);
    filter.addValueChangeListener(e -> refresh());
    HorizontalLayout bar = new HorizontalLayout(filter);
    if (canWrite(CurrentUser.get())) {
      Button create = new Button("New model", e -> createDialog().open());
      create.setId("new-model");
      bar.add(create);
    }
    grid.setId("models-grid");
    grid.addComponentColumn(
            m ->
                new RouterLink(
                    m.name().value(),
                    ModelDetailView.class,
                    new RouteParameters("name", m.name().value())))
        .setHeader("Model")
        .setAutoWidth(true);
    grid.addColumn(ModelDefinition::owner).setHeader("Owner").setAutoWidth(true);
    grid.addColumn(m -> String.join(", ", m.tags())).setHeader("Tags").setAutoWidth(true);
    grid.addColumn(
            m ->
                models.aliases(m.name()).stream()
                    .map(a -> a.name().value() + " → v" + a.version())
                    .collect(Collectors.joining(", ")))
        .setHeader("Aliases")
        .setAutoWidth(true);
    grid.addColumn(m -> Times.format(m.updatedAt())).setHeader("Updated").setAutoWidth(true);
    grid.addColumn(ModelDefinition::description).setHeader("Description").setFlexGrow(1);
    add(new H2("Models"), bar, grid);
    refresh();
  }

  private void refresh() {
    grid.setItems(models.models(filter.getValue(), new PageRequest(0, PAGE)).items());
  }

  static boolean canWrite(PlatformUser user) {
    return user.hasRole(Role.DATA_SCIENTIST) || user.hasRole(Role.ADMIN);
  }

  private Dialog createDialog() {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle("New model");
    TextField name = new TextField("Name");
    name.setId("model-name");
    TextArea description = new TextArea("Description");
    description.setId("model-description");
    TextField tags = new TextField("Tags (comma-separated)");
    tags.setId("model-tags");
    Span error = new Span();
    error.setId("model-error");
    Button save =
        new Button(
            "Create",
            e -> {
              PlatformUser user = CurrentUser.get();
              try {
                ModelDefinition created =
                    models.create(
                        ResourceName.of("name", name.getValue()),
                        description.getValue(),
                        user.username(),
                        Arrays.stream(tags.getValue().split(","))
                            .map(String::trim)
                            .filter(t -> !t.isEmpty())
                            .collect(Collectors.toCollection(LinkedHashSet::new)),
                        user,
                        origin());
                dialog.close();
                getUI()
                    .ifPresent(
                        ui ->
                            ui.navigate(
                                ModelDetailView.class,
                                new RouteParameters("name", created.name().value())));
              } catch (DomainValidationException | ModelRegistry.ConflictException ex) {
                error.setText(ex.getMessage());
              }
            });
    save.setId("model-save");
    dialog.add(new VerticalLayout(name, description, tags, error));
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
    return dialog;
  }

  static Origin origin() {
    VaadinRequest request = VaadinRequest.getCurrent();
    return new Origin(null, request == null ? null : request.getRemoteAddr());
  }
}
