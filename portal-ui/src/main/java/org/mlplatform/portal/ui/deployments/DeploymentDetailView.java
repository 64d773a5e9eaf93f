package org.mlplatform.portal.ui.deployments;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.Optional;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.ModelRegistry;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.domain.serving.Deployment;
import org.mlplatform.portal.serving.DeploymentService;
import org.mlplatform.portal.serving.EntityPredictions;
import org.mlplatform.portal.serving.ServingRuntime;
import org.mlplatform.portal.ui.base.CurrentUser;
import org.mlplatform.portal.ui.base.Times;
import org.mlplatform.portal.ui.models.ModelDetailView;
import org.mlplatform.portal.ui.models.ModelVersionView;
import org.mlplatform.serving.engine.DeploymentStatus;
import org.mlplatform.serving.engine.ModelNotServedException;
import org.mlplatform.serving.engine.TrafficWindow;

/**
 * One deployment: its state and the versions answering (each linking to its page), a live chart of
 * requests per second and p50/p99 latency over the last minute (refreshed every two seconds while
 * the page is open), a panel to try a prediction, and the latest logged predictions. Data
 * scientists and admins change or remove the deployment here.
 */
@Route("deployments/:model")
@PageTitle("Deployment | MLP")
@PermitAll
@Dependent
public class DeploymentDetailView extends VerticalLayout implements BeforeEnterObserver {

  /** How often the status and the chart are refreshed while the page is open. */
  static final int POLL_MILLIS = 2_000;

  private final DeploymentService deployments;
  private final ServingRuntime runtime;
  private final EntityPredictions predictions;
  private final Div status = new Div();
  private final TrafficPanel traffic = new TrafficPanel();
  private Deployment deployment;
  private Optional<DeploymentStatus> shownStatus;
  private Registration poll;

  @Inject
  public DeploymentDetailView(
      DeploymentService deployments, ServingRuntime runtime, EntityPredictions predictions) {
    this.deployments = deployments;
    this.runtime = runtime;
    this.predictions = predictions;
    status.setId("deployment-status");
    status.setWidthFull();
  }

  /** The route parameters of a deployment's page. */
  public static RouteParameters parameters(String model) {
    return new RouteParameters("model", model);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Optional<Deployment> found;
    try {
      found =
          deployments.find(
              ResourceName.of("model", event.getRouteParameters().get("model").orElse("")));
    } catch (DomainValidationException e) {
      found = Optional.empty();
    }
    if (found.isEmpty()) {
      event.rerouteToError(NotFoundException.class);
      return;
    }
    show(found.get());
  }

  private void show(Deployment shown) {
    deployment = shown;
    shownStatus = null;
    removeAll();
    String name = shown.model().value();
    H2 title = new H2(name);
    title.setId("deployment-title");
    RouterLink modelPage =
        new RouterLink("Model " + name, ModelDetailView.class, new RouteParameters("name", name));
    modelPage.setId("deployment-model-link");
    add(
        new RouterLink("← Deployments", DeploymentsView.class),
        title,
        new HorizontalLayout(modelPage, new Span("·"), endpoint(name)),
        status);
    PlatformUser user = CurrentUser.get();
    if (DeploymentsView.canWrite(user)) {
      add(actions());
    }
    add(
        new H3("Traffic"),
        traffic,
        new H3("Try a prediction"),
        new TryPredictionPanel(shown.model(), predictions, runtime),
        new H3("Latest predictions"));
    if (DeploymentsView.canReadLog(user)) {
      add(new PredictionLogPanel(shown.model(), runtime));
    } else {
      Paragraph note =
          new Paragraph(
              "Logged predictions include what callers sent; data scientists, reviewers and"
                  + " admins can read them.");
      note.setId("predictions-restricted");
      add(note);
    }
    refreshLive();
  }

  private static Span endpoint(String name) {
    Span endpoint = new Span(new Code("POST /v2/models/" + name + "/infer"));
    endpoint.setId("deployment-endpoint");
    return endpoint;
  }

  private HorizontalLayout actions() {
    Button edit =
        new Button(
            "Edit",
            e ->
                new DeploymentDialog(deployments, deployment, null, d -> show(reloaded(d))).open());
    edit.setId("deployment-edit");
    Button remove = new Button("Remove", e -> confirmRemove());
    remove.setId("deployment-remove");
    remove.addThemeVariants(ButtonVariant.ERROR);
    return new HorizontalLayout(edit, remove);
  }

  private Deployment reloaded(Deployment saved) {
    return deployments.find(saved.model()).orElse(saved);
  }

  private void confirmRemove() {
    String name = deployment.model().value();
    ConfirmDialog confirm = new ConfirmDialog();
    confirm.setId("remove-confirm");
    confirm.setHeader("Remove the deployment of " + name + "?");
    confirm.setText(
        "The model stops being served at /v2/models/"
            + name
            + " at once. Its versions and aliases stay in the registry, and it can be deployed"
            + " again.");
    confirm.setCancelable(true);
    Button yes =
        new Button(
            "Remove",
            e -> {
              confirm.close();
              remove();
            });
    yes.setId("deployment-remove-confirm");
    yes.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.PRIMARY);
    confirm.setConfirmButton(yes);
    confirm.open();
  }

  private void remove() {
    try {
      deployments.remove(deployment.model(), CurrentUser.get(), DeploymentsView.origin());
    } catch (ModelRegistry.NotFoundException e) {
      // Someone else removed it first: the outcome the user asked for.
      Notification.show(e.getMessage());
    }
    getUI().ifPresent(ui -> ui.navigate(DeploymentsView.class));
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    UI ui = event.getUI();
    ui.setPollInterval(POLL_MILLIS);
    poll = ui.addPollListener(e -> refreshLive());
  }

  @Override
  protected void onDetach(DetachEvent event) {
    if (poll != null) {
      poll.remove();
      poll = null;
    }
    event.getUI().setPollInterval(-1);
    super.onDetach(event);
  }

  /** The status (re-drawn only when it changed) and the traffic chart. */
  private void refreshLive() {
    if (deployment == null) {
      return;
    }
    Optional<DeploymentStatus> current = DeploymentsView.status(deployments, deployment.model());
    if (!Objects.equals(current, shownStatus)) {
      shownStatus = current;
      renderStatus(current);
    }
    try {
      Optional<TrafficWindow> window = runtime.engine().traffic(deployment.model());
      if (window.isPresent()) {
        traffic.show(window.get().recent(TrafficSeries.SECONDS));
      } else {
        traffic.unavailable("The serving engine has not loaded this deployment: no traffic.");
      }
    } catch (ModelNotServedException e) {
      traffic.unavailable(e.getMessage());
    }
  }

  private void renderStatus(Optional<DeploymentStatus> current) {
    status.removeAll();
    HorizontalLayout state = new HorizontalLayout(new StateBadge(current));
    state.setAlignItems(Alignment.CENTER);
    current.ifPresent(s -> state.add(new Span("since " + Times.format(s.since()))));
    status.add(state);
    current
        .flatMap(DeploymentStatus::lastError)
        .ifPresent(
            error -> {
              Paragraph failed =
                  new Paragraph(
                      "The latest load failed: "
                          + error
                          + (current.get().versions().isEmpty()
                              ? ""
                              : " What served before keeps serving."));
              failed.setId("deployment-last-error");
              failed.getStyle().set("color", "var(--aura-orange-text, #b45309)");
              status.add(failed);
            });
    Div served = new Div();
    served.setId("served-versions");
    if (current.isEmpty() || current.get().versions().isEmpty()) {
      served.add(
          new Span(
              "Nothing is served right now; the deployment asks for "
                  + DeploymentText.configured(deployment)
                  + "."));
    } else {
      served.add(new Span("Serving "));
      boolean first = true;
      for (DeploymentStatus.ServedVersion version : current.get().versions()) {
        if (!first) {
          served.add(new Span(", "));
        }
        first = false;
        RouterLink link =
            new RouterLink(
                "v" + version.version(),
                ModelVersionView.class,
                ModelVersionView.parameters(deployment.model().value(), version.version()));
        link.getElement().setAttribute("data-route", version.route().label());
        served.add(link, new Span(" " + DeploymentText.share(version)));
      }
    }
    Paragraph settings =
        new Paragraph(
            "Follows alias "
                + deployment.alias().value()
                + " · batching "
                + DeploymentText.batching(deployment.batching())
                + " · cache "
                + DeploymentText.cache(deployment.cacheEntries())
                + " · updated by "
                + DeploymentText.updated(deployment));
    settings.setId("deployment-settings");
    status.add(served, settings);
  }
}
