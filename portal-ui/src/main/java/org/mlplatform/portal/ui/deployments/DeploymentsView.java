package org.mlplatform.portal.ui.deployments;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.domain.security.Role;
import org.mlplatform.domain.serving.Deployment;
import org.mlplatform.portal.audit.AuditRecorder.Origin;
import org.mlplatform.portal.serving.DeploymentService;
import org.mlplatform.portal.serving.batch.BatchFiles;
import org.mlplatform.portal.serving.batch.BatchPredictions;
import org.mlplatform.portal.ui.base.CurrentUser;
import org.mlplatform.portal.ui.base.EmptyState;
import org.mlplatform.serving.engine.DeploymentStatus;
import org.mlplatform.serving.engine.ModelNotServedException;

/**
 * Every served model: the alias it follows, its state, the versions answering and their share of
 * the traffic, batching and cache. Data scientists and admins create deployments here.
 */
@Route("deployments")
@PageTitle("Deployments | MLP")
@PermitAll
@Dependent
public class DeploymentsView extends VerticalLayout {

  /** One grid row: the saved deployment and what the engine serves for it right now. */
  record Row(Deployment deployment, Optional<DeploymentStatus> status) {}

  private final DeploymentService deployments;
  private final Grid<Row> grid = new Grid<>();
  private final EmptyState empty;

  @Inject
  public DeploymentsView(
      DeploymentService deployments, BatchPredictions batches, BatchFiles batchFiles) {
    this.deployments = deployments;
    setSizeFull();
    PlatformUser user = CurrentUser.get();
    boolean canWrite = canWrite(user);
    HorizontalLayout bar = new HorizontalLayout();
    Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> refresh());
    refresh.setId("deployments-refresh");
    bar.add(refresh);
    if (canWrite) {
      Button create = new Button("New deployment", e -> openEditor(null));
      create.setId("new-deployment");
      bar.add(create);
    }
    empty =
        new EmptyState(
            VaadinIcon.ROCKET,
            "No deployments yet",
            canWrite
                ? "Deploy a model with \"New deployment\": it is served through its champion alias"
                    + " at /v2/models/{name}/infer. A model is also deployed by itself when a"
                    + " version first becomes its champion."
                : "A model is served once a data scientist deploys it, or when a version first"
                    + " becomes its champion.");
    empty.setId("deployments-empty");
    configureGrid();
    add(new H2("Deployments"), bar, empty, grid);
    add(new BatchPredictionsPanel(batches, batchFiles, user));
    refresh();
  }

  private void configureGrid() {
    grid.setId("deployments-grid");
    grid.setAllRowsVisible(true); // a team has tens of deployments: show them all, page scrolls
    grid.addComponentColumn(
            r ->
                new RouterLink(
                    r.deployment().model().value(),
                    DeploymentDetailView.class,
                    DeploymentDetailView.parameters(r.deployment().model().value())))
        .setHeader("Model")
        .setAutoWidth(true);
    grid.addColumn(r -> r.deployment().alias().value()).setHeader("Alias").setAutoWidth(true);
    grid.addComponentColumn(r -> new StateBadge(r.status())).setHeader("State").setAutoWidth(true);
    grid.addColumn(
            r ->
                r.status()
                    .filter(s -> !s.versions().isEmpty())
                    .map(s -> DeploymentText.served(s.versions()))
                    .orElse("none (asks for " + DeploymentText.configured(r.deployment()) + ")"))
        .setHeader("Served versions")
        .setFlexGrow(1);
    grid.addColumn(r -> DeploymentText.batching(r.deployment().batching()))
        .setHeader("Batching")
        .setAutoWidth(true);
    grid.addColumn(r -> DeploymentText.cache(r.deployment().cacheEntries()))
        .setHeader("Cache")
        .setAutoWidth(true);
    grid.addColumn(r -> DeploymentText.updated(r.deployment()))
        .setHeader("Updated")
        .setAutoWidth(true);
  }

  private void refresh() {
    List<Row> rows =
        deployments.all().stream().map(d -> new Row(d, status(deployments, d.model()))).toList();
    grid.setItems(rows);
    grid.setVisible(!rows.isEmpty());
    empty.setVisible(rows.isEmpty());
  }

  private void openEditor(Deployment existing) {
    new DeploymentDialog(
            deployments,
            existing,
            null,
            deployed ->
                getUI()
                    .ifPresent(
                        ui ->
                            ui.navigate(
                                DeploymentDetailView.class,
                                DeploymentDetailView.parameters(deployed.model().value()))))
        .open();
  }

  /** What the engine serves for the model; empty while the engine starts or does not know it. */
  static Optional<DeploymentStatus> status(DeploymentService deployments, ResourceName model) {
    try {
      return deployments.status(model);
    } catch (ModelNotServedException e) {
      return Optional.empty();
    }
  }

  /** Who may create, change and remove deployments (as the REST API allows). */
  static boolean canWrite(PlatformUser user) {
    return user.hasRole(Role.DATA_SCIENTIST) || user.hasRole(Role.ADMIN);
  }

  /** Who may read logged predictions, inputs included (as the REST API allows). */
  static boolean canReadLog(PlatformUser user) {
    return user.hasRole(Role.DATA_SCIENTIST)
        || user.hasRole(Role.REVIEWER)
        || user.hasRole(Role.ADMIN);
  }

  static Origin origin() {
    VaadinRequest request = VaadinRequest.getCurrent();
    return new Origin(null, request == null ? null : request.getRemoteAddr());
  }
}
