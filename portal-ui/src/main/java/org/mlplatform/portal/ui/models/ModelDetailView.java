package org.mlplatform.portal.ui.models;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Collectors;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.jobs.JobRepository;
import org.mlplatform.domain.models.AliasMove;
import org.mlplatform.domain.models.AliasName;
import org.mlplatform.domain.models.ModelDefinition;
import org.mlplatform.domain.models.ModelRegistry;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.PageRequest;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.boot.PlatformStartup;
import org.mlplatform.portal.features.TrainingSets;
import org.mlplatform.portal.models.ModelPolicies;
import org.mlplatform.portal.models.ModelRetrainings;
import org.mlplatform.portal.models.ModelStore;
import org.mlplatform.portal.models.ModelTraining;
import org.mlplatform.portal.models.ModelUploads;
import org.mlplatform.portal.ui.base.CurrentUser;
import org.mlplatform.portal.ui.base.Times;
import org.mlplatform.portal.ui.tasks.ProcessListGrid;

/**
 * One model: its versions, aliases and their history; data scientists upload a version, train one
 * on a training set, and move aliases other than {@code champion} here. Two versions can be
 * compared side by side.
 */
@Route("models/:name")
@PageTitle("Model | MLP")
@PermitAll
@Dependent
public class ModelDetailView extends VerticalLayout implements BeforeEnterObserver {

  private static final int PROCESSES = 20;

  private final ModelStore models;
  private final ModelUploads uploads;
  private final ModelTraining training;
  private final TrainingSets trainingSets;
  private final JobRepository jobs;
  private final ModelPolicies policies;
  private final ModelRetrainings retrainings;
  private final PlatformStartup platform;

  @Inject
  public ModelDetailView(
      ModelStore models,
      ModelUploads uploads,
      ModelTraining training,
      TrainingSets trainingSets,
      JobRepository jobs,
      ModelPolicies policies,
      ModelRetrainings retrainings,
      PlatformStartup platform) {
    this.models = models;
    this.uploads = uploads;
    this.training = training;
    this.trainingSets = trainingSets;
    this.jobs = jobs;
    this.policies = policies;
    this.retrainings = retrainings;
    this.platform = platform;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    String name = event.getRouteParameters().get("name").orElse("");
    try {
      show(models.model(ResourceName.of("name", name)));
    } catch (DomainValidationException | ModelRegistry.NotFoundException e) {
      event.rerouteToError(NotFoundException.class);
    }
  }

  void show(ModelDefinition model) {
    removeAll();
    List<ModelVersion> versions =
        models.versions(model.name(), new PageRequest(0, ModelsView.PAGE)).items();
    H2 title = new H2(model.name().value());
    title.setId("model-title");
    add(
        title,
        new Paragraph(model.description().isBlank() ? "No description." : model.description()),
        new Paragraph(
            "Owner "
                + model.owner()
                + (model.tags().isEmpty() ? "" : " · tags " + String.join(", ", model.tags()))
                + " · updated "
                + Times.format(model.updatedAt())),
        new H3("Versions"),
        versionsGrid(model, versions));
    PlatformUser user = CurrentUser.get();
    if (ModelsView.canWrite(user)) {
      add(
          new H3("Upload a version"),
          new VersionUploadPanel(model.name(), uploads, user),
          new H3("Train a version"),
          new TrainPanel(model.name(), training, trainingSets, jobs, user));
    }
    add(new H3("Aliases"), aliases(model, versions, user), new H3("Alias history"), history(model));
    if (versions.size() >= 2) {
      add(new H3("Compare versions"), new ComparePanel(model.name(), versions, models));
    }
    add(new H3("Governance policy"), new ModelPolicyPanel(model.name(), policies, user));
    if (ModelsView.canWrite(user)) {
      add(new H3("Retrain"), new RetrainPanel(model.name(), retrainings, user));
    }
    platform
        .workflows()
        .map(w -> w.histories().processesOf(model.name().value(), PROCESSES))
        .filter(p -> !p.isEmpty())
        .ifPresent(
            p -> add(new H3("Promotions, rollbacks and retrainings"), ProcessListGrid.of(p)));
  }

  private Grid<ModelVersion> versionsGrid(ModelDefinition model, List<ModelVersion> versions) {
    Grid<ModelVersion> grid = new Grid<>();
    grid.setId("versions-grid");
    grid.addComponentColumn(
            v ->
                new RouterLink(
                    "v" + v.number(),
                    ModelVersionView.class,
                    ModelVersionView.parameters(model.name().value(), v.number())))
        .setHeader("Version")
        .setAutoWidth(true);
    grid.addColumn(v -> Times.format(v.registeredAt())).setHeader("Registered").setAutoWidth(true);
    grid.addColumn(ModelVersion::registeredBy).setHeader("By").setAutoWidth(true);
    grid.addColumn(v -> v.lineage().source().name()).setHeader("Source").setAutoWidth(true);
    grid.addColumn(v -> v.lineage().algorithm().orElse(""))
        .setHeader("Algorithm")
        .setAutoWidth(true);
    grid.addColumn(ModelDetailView::keyMetrics).setHeader("Metrics").setFlexGrow(1);
    grid.setItems(versions);
    grid.setAllRowsVisible(true);
    return grid;
  }

  static String keyMetrics(ModelVersion version) {
    return version.metrics().entrySet().stream()
        .limit(4)
        .map(e -> e.getKey() + " " + String.format(java.util.Locale.ROOT, "%.4g", e.getValue()))
        .collect(Collectors.joining(", "));
  }

  private VerticalLayout aliases(
      ModelDefinition model, List<ModelVersion> versions, PlatformUser user) {
    VerticalLayout layout = new VerticalLayout();
    layout.setPadding(false);
    Span current =
        new Span(
            models.aliases(model.name()).stream()
                .map(a -> a.name().value() + " → v" + a.version())
                .collect(Collectors.joining(", ")));
    current.setId("model-aliases");
    if (current.getText().isEmpty()) {
      current.setText("No aliases yet.");
    }
    layout.add(current);
    if (ModelsView.canWrite(user) && !versions.isEmpty()) {
      TextField alias = new TextField("Alias");
      alias.setId("alias-name");
      alias.setValue(AliasName.CHALLENGER.value());
      Select<Integer> version = new Select<>();
      version.setLabel("Version");
      version.setId("alias-version");
      version.setItems(versions.stream().map(ModelVersion::number).toList());
      version.setValue(versions.getFirst().number());
      Span error = new Span();
      error.setId("alias-error");
      Button move =
          new Button(
              "Point alias",
              e -> {
                try {
                  models.setAlias(
                      model.name(),
                      AliasName.of("alias", alias.getValue()),
                      version.getValue(),
                      "from the portal",
                      user,
                      ModelsView.origin());
                  show(models.model(model.name()));
                } catch (IllegalArgumentException | ModelRegistry.ForbiddenException ex) {
                  error.setText(ex.getMessage());
                }
              });
      move.setId("alias-move");
      HorizontalLayout form = new HorizontalLayout(alias, version, move);
      form.setAlignItems(Alignment.BASELINE);
      layout.add(form, error);
    }
    return layout;
  }

  private Grid<AliasMove> history(ModelDefinition model) {
    Grid<AliasMove> grid = new Grid<>();
    grid.setId("alias-history-grid");
    grid.addColumn(m -> Times.format(m.movedAt())).setHeader("When").setAutoWidth(true);
    grid.addColumn(m -> m.alias().value()).setHeader("Alias").setAutoWidth(true);
    grid.addColumn(m -> m.fromVersion().isPresent() ? "v" + m.fromVersion().getAsInt() : "—")
        .setHeader("From");
    grid.addColumn(m -> m.toVersion().isPresent() ? "v" + m.toVersion().getAsInt() : "removed")
        .setHeader("To");
    grid.addColumn(AliasMove::movedBy).setHeader("Who").setAutoWidth(true);
    grid.addColumn(AliasMove::reason).setHeader("Reason").setFlexGrow(1);
    grid.setItems(models.aliasHistory(model.name()));
    grid.setAllRowsVisible(true);
    return grid;
  }
}
