package org.mlplatform.portal.ui.monitoring;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.monitoring.alerts.Alert;
import org.mlplatform.domain.monitoring.alerts.AlertStatus;
import org.mlplatform.domain.monitoring.history.MonitoringSnapshot;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.monitoring.ModelMonitoring;
import org.mlplatform.portal.monitoring.MonitoringAlerts;
import org.mlplatform.portal.ui.base.CurrentUser;
import org.mlplatform.portal.ui.base.EmptyState;
import org.mlplatform.portal.ui.base.Times;
import org.mlplatform.portal.ui.deployments.DeploymentsView;
import org.mlplatform.serving.engine.ModelNotServedException;

/**
 * Monitoring of every deployed model at a glance: each model's latest snapshot (drifted features,
 * the data set's verdict) and its unresolved alerts, each model linking to its own monitoring page;
 * below, the open and acknowledged alerts of all models. {@code monitoring?model=<name>} opens that
 * model's page.
 */
@Route("monitoring")
@PageTitle("Monitoring | MLP")
@PermitAll
@Dependent
public class MonitoringView extends VerticalLayout implements BeforeEnterObserver {

  /** Alerts of each unresolved status read at most. */
  static final int ALERTS = 500;

  private final ModelMonitoring monitoring;
  private final MonitoringAlerts alerts;
  private final Grid<OverviewRow> models = new Grid<>();

  @Inject
  public MonitoringView(ModelMonitoring monitoring, MonitoringAlerts alerts) {
    this.monitoring = monitoring;
    this.alerts = alerts;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Optional<String> model = event.getLocation().getQueryParameters().getSingleParameter("model");
    if (model.isPresent()) {
      event.forwardTo(ModelMonitoringView.class, ModelMonitoringView.parameters(model.get()));
      return;
    }
    show();
  }

  private void show() {
    removeAll();
    add(
        new H2("Monitoring"),
        new Paragraph(
            "Each deployed model's predictions are held against its training data for drift and"
                + " data quality, and against ground truth where it came back. Snapshots are taken"
                + " on a schedule; alert rules are checked on every snapshot."));
    PlatformUser user = CurrentUser.get();
    List<ResourceName> deployed;
    try {
      deployed = monitoring.monitoredModels();
    } catch (ModelNotServedException e) {
      add(
          new EmptyState(
              VaadinIcon.HOURGLASS,
              "The serving engine is still starting",
              "Reload this page in a few seconds."));
      return;
    }
    add(new H3("Deployed models"), modelGrid(deployed));
    if (deployed.isEmpty()) {
      RouterLink deployments = new RouterLink("Go to Deployments", DeploymentsView.class);
      deployments.setId("monitoring-deployments-link");
      add(deployments);
    }
    add(
        new H3("Open alerts"),
        new AlertsPanel(
            true,
            this::unresolved,
            alerts,
            user,
            "No open alerts. Alert rules are set per model on its monitoring page.",
            () -> models.setItems(rows(deployed))));
  }

  private Grid<OverviewRow> modelGrid(List<ResourceName> deployed) {
    models.setId("monitoring-models");
    models
        .addComponentColumn(
            r ->
                new RouterLink(
                    r.model().value(),
                    ModelMonitoringView.class,
                    ModelMonitoringView.parameters(r.model().value())))
        .setHeader("Model")
        .setFlexGrow(1);
    models.addColumn(OverviewRow::version).setHeader("Version").setAutoWidth(true);
    models.addColumn(OverviewRow::rows).setHeader("Rows").setAutoWidth(true);
    models.addColumn(OverviewRow::driftedFeatures).setHeader("Drifted features").setAutoWidth(true);
    models
        .addComponentColumn(
            r ->
                r.datasetDrifted()
                    .<Component>map(MonitoringBadges::verdict)
                    .orElseGet(() -> new Span(MonitoringText.NONE)))
        .setHeader("Dataset drift")
        .setAutoWidth(true);
    models.addColumn(OverviewRow::openAlerts).setHeader("Open alerts").setAutoWidth(true);
    models
        .addColumn(r -> r.latest().map(s -> Times.format(s.computedAt())).orElse("no snapshot yet"))
        .setHeader("Latest snapshot")
        .setAutoWidth(true);
    models.setEmptyStateText("No deployed models yet: deploy a model on the Deployments page.");
    models.setAllRowsVisible(true);
    models.setItems(rows(deployed));
    return models;
  }

  private List<OverviewRow> rows(List<ResourceName> deployed) {
    return OverviewRow.of(deployed, this::latest, unresolved());
  }

  private Optional<MonitoringSnapshot> latest(ResourceName model) {
    return monitoring.latestSnapshot(model);
  }

  /** Open and acknowledged alerts of all models. */
  private List<Alert> unresolved() {
    List<Alert> found =
        new ArrayList<>(alerts.alerts(Optional.empty(), Optional.of(AlertStatus.OPEN), ALERTS));
    found.addAll(alerts.alerts(Optional.empty(), Optional.of(AlertStatus.ACKNOWLEDGED), ALERTS));
    return found;
  }
}
