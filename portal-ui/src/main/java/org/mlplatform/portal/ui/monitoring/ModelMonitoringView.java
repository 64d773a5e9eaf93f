package org.mlplatform.portal.ui.monitoring;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.ModelRegistry;
import org.mlplatform.domain.monitoring.history.MonitoringSnapshot;
import org.mlplatform.domain.monitoring.window.WindowReport;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.monitoring.ModelMonitoring;
import org.mlplatform.portal.monitoring.MonitoringAlerts;
import org.mlplatform.portal.monitoring.MonitoringPolicies;
import org.mlplatform.portal.monitoring.MonitoringReport;
import org.mlplatform.portal.ui.base.CurrentUser;
import org.mlplatform.portal.ui.base.EmptyState;
import org.mlplatform.portal.ui.base.Times;
import org.mlplatform.portal.ui.deployments.DeploymentDetailView;
import org.mlplatform.portal.ui.deployments.DeploymentsView;
import org.mlplatform.portal.ui.models.ModelDetailView;
import org.mlplatform.portal.ui.models.ModelVersionView;
import org.mlplatform.serving.engine.ModelNotServedException;

/**
 * One model's monitoring over a window (its policy window by default, or the last hour, day or
 * week): summary cards, drift and data quality per feature and of the prediction, the distributions
 * of a chosen column, traffic, performance against ground truth, snapshots over the window, and the
 * model's alerts, alert rules and monitoring policy. Data scientists and admins take a snapshot on
 * demand ("Refresh now"), which runs in the background while a progress bar shows, and change the
 * policy; the page then reads the policy's new window.
 */
@Route("monitoring/:model")
@PageTitle("Model monitoring | MLP")
@PermitAll
@Dependent
public class ModelMonitoringView extends VerticalLayout implements BeforeEnterObserver {

  /** How often the page asks whether a snapshot taken on demand is done. */
  static final int REFRESH_POLL_MILLIS = 500;

  /** The model's alerts shown at most, newest first. */
  static final int ALERTS = 200;

  private final ModelMonitoring monitoring;
  private final MonitoringAlerts alerts;
  private final MonitoringPolicies policies;
  private final Select<MonitoringWindow> window = new Select<>();
  private final Button refresh = new Button("Refresh now", VaadinIcon.REFRESH.create());
  private final ProgressBar progress = new ProgressBar();
  private final Span refreshStatus = new Span();
  private final Div content = new Div();
  @Resource private ManagedExecutorService executor;
  private ResourceName model;
  private Optional<Duration> policyLength = Optional.empty();
  private boolean refreshing;

  @Inject
  public ModelMonitoringView(
      ModelMonitoring monitoring, MonitoringAlerts alerts, MonitoringPolicies policies) {
    this.monitoring = monitoring;
    this.alerts = alerts;
    this.policies = policies;
    window.setId("monitoring-window");
    window.setLabel("Window");
    window.setItems(MonitoringWindow.values());
    window.setItemLabelGenerator(w -> w.label(policyLength));
    window.setValue(MonitoringWindow.POLICY);
    window.addValueChangeListener(e -> load(e.getValue()));
    refresh.setId("monitoring-refresh");
    refresh.addClickListener(e -> refreshNow());
    progress.setId("monitoring-refresh-progress");
    progress.setIndeterminate(true);
    progress.setVisible(false);
    progress.setWidth("10rem");
    refreshStatus.setId("monitoring-refresh-status");
    content.setWidthFull();
  }

  /** The route parameters of a model's monitoring page. */
  public static RouteParameters parameters(String model) {
    return new RouteParameters("model", model);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    try {
      model = ResourceName.of("model", event.getRouteParameters().get("model").orElse(""));
    } catch (DomainValidationException e) {
      event.rerouteToError(NotFoundException.class);
      return;
    }
    show();
  }

  private void show() {
    removeAll();
    String name = model.value();
    H2 title = new H2("Monitoring: " + name);
    title.setId("monitoring-title");
    HorizontalLayout links =
        new HorizontalLayout(
            new RouterLink(
                "Model " + name, ModelDetailView.class, new RouteParameters("name", name)),
            new Span("·"),
            new RouterLink(
                "Deployment", DeploymentDetailView.class, DeploymentDetailView.parameters(name)));
    HorizontalLayout controls = new HorizontalLayout(window);
    controls.setAlignItems(Alignment.BASELINE);
    if (MonitoringAccess.canRefresh(CurrentUser.get())) {
      controls.add(refresh, progress, refreshStatus);
    }
    add(new RouterLink("← Monitoring", MonitoringView.class), title, links, controls, content);
    load(window.getValue());
  }

  /** Reads the window and draws everything under the controls again. */
  private void load(MonitoringWindow choice) {
    content.removeAll();
    PlatformUser user = CurrentUser.get();
    Optional<MonitoringReport> report = report(choice);
    List<String> features = List.of();
    if (report.isPresent()) {
      MonitoringReport shown = report.get();
      HistorySeries history = HistorySeries.of(history(shown));
      features =
          DistributionPanel.columns(shown).stream()
              .filter(c -> !c.equals(WindowReport.PREDICTION))
              .toList();
      content.add(
          windowInfo(shown),
          new SummaryCards(shown),
          new H3("Drift and data quality"),
          new DriftPanel(shown, history),
          new H3("Distributions"),
          new DistributionPanel(model, shown, monitoring),
          new H3("Traffic"),
          new TrafficChartPanel(shown.traffic()),
          new H3("Performance"),
          new PerformancePanel(shown, history));
    }
    content.add(
        new H3("Alerts"),
        new AlertsPanel(
            false,
            () -> alerts.alerts(Optional.of(model.value()), Optional.empty(), ALERTS),
            alerts,
            user,
            "No alerts for this model.",
            () -> {}),
        new H3("Alert rules"),
        new AlertRulesPanel(model, features, alerts, user));
    try {
      content.add(
          new H3("Monitoring policy"),
          new MonitoringPolicyPanel(model, features, policies, user, this::policySaved));
    } catch (ModelRegistry.NotFoundException e) {
      // No such model: the report's problem above says so already.
    }
  }

  /** After the policy was saved: read its window, whichever window was chosen before. */
  private void policySaved() {
    if (window.getValue() == MonitoringWindow.POLICY) {
      load(MonitoringWindow.POLICY);
    } else {
      window.setValue(MonitoringWindow.POLICY); // loads through the value change listener
    }
  }

  /** The report of the chosen window; empty, with the reason shown, when there is none. */
  private Optional<MonitoringReport> report(MonitoringWindow choice) {
    try {
      MonitoringReport report;
      if (choice.length().isPresent()) {
        Instant now = Instant.now();
        report =
            monitoring.report(model, OptionalInt.empty(), now.minus(choice.length().get()), now);
      } else {
        report = monitoring.currentReport(model);
        policyLength = Optional.of(Duration.between(report.from(), report.to()));
        window.getListDataView().refreshItem(MonitoringWindow.POLICY);
      }
      return Optional.of(report);
    } catch (ModelNotServedException e) {
      content.add(
          new EmptyState(
              VaadinIcon.HOURGLASS, "The serving engine is still starting", e.getMessage()));
    } catch (DomainValidationException | ModelRegistry.NotFoundException e) {
      Paragraph problem = new Paragraph(MonitoringText.sentence(e.getMessage()));
      problem.setId("monitoring-problem");
      RouterLink deployments = new RouterLink("Deployments", DeploymentsView.class);
      content.add(problem, deployments);
    }
    return Optional.empty();
  }

  private List<MonitoringSnapshot> history(MonitoringReport report) {
    try {
      return monitoring.history(model, report.from(), report.to());
    } catch (DomainValidationException e) {
      return List.of();
    }
  }

  private Div windowInfo(MonitoringReport report) {
    Div info = new Div();
    info.setId("monitoring-window-info");
    info.add(
        new Span("Predictions of "),
        new RouterLink(
            "v" + report.version(),
            ModelVersionView.class,
            ModelVersionView.parameters(report.model(), report.version())),
        new Span(
            " from "
                + Times.format(report.from())
                + " to "
                + Times.format(report.to())
                + report.baselineSource().map(s -> ", held against " + s).orElse("")
                + "."));
    return info;
  }

  /** Takes a snapshot in the background; the page polls until it is done, then shows it. */
  private void refreshNow() {
    if (refreshing) {
      return;
    }
    UI ui = UI.getCurrent();
    PlatformUser user = CurrentUser.get();
    ResourceName shown = model;
    refreshing = true;
    refresh.setEnabled(false);
    progress.setVisible(true);
    refreshStatus.setText("Taking a snapshot…");
    if (executor == null) { // no container executor: take it here and now
      MonitoringSnapshot snapshot = null;
      RuntimeException failure = null;
      try {
        snapshot = monitoring.snapshotNow(shown, user);
      } catch (RuntimeException e) {
        failure = e;
      }
      finishRefresh(ui, snapshot, failure);
      return;
    }
    ui.setPollInterval(REFRESH_POLL_MILLIS);
    CompletableFuture.supplyAsync(() -> monitoring.snapshotNow(shown, user), executor)
        .whenComplete(
            (snapshot, failure) -> {
              try {
                ui.access(() -> finishRefresh(ui, snapshot, failure));
              } catch (UIDetachedException e) {
                // The page was closed meanwhile: the snapshot is saved, nobody is left to tell.
              }
            });
  }

  private void finishRefresh(UI ui, MonitoringSnapshot snapshot, Throwable failure) {
    if (!refreshing) {
      return;
    }
    refreshing = false;
    ui.setPollInterval(-1);
    refresh.setEnabled(true);
    progress.setVisible(false);
    if (failure != null) {
      Throwable cause =
          failure instanceof CompletionException && failure.getCause() != null
              ? failure.getCause()
              : failure;
      refreshStatus.setText("The snapshot failed: " + cause.getMessage());
      Notification.show(
          "The snapshot failed: " + cause.getMessage(), 6_000, Notification.Position.TOP_END);
      return;
    }
    refreshStatus.setText(
        "Snapshot of v"
            + snapshot.version()
            + " taken "
            + Times.format(snapshot.computedAt())
            + ": "
            + MonitoringText.count(snapshot.rows())
            + " rows, dataset drift "
            + (snapshot.datasetDrifted() ? "yes" : "no")
            + ".");
    load(window.getValue());
  }

  @Override
  protected void onDetach(DetachEvent event) {
    if (refreshing) {
      event.getUI().setPollInterval(-1);
      refreshing = false;
    }
    super.onDetach(event);
  }
}
