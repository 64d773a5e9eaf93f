package org.mlplatform.portal.ui.monitoring;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.mlplatform.domain.monitoring.alerts.Alert;
import org.mlplatform.domain.monitoring.alerts.AlertStatus;
import org.mlplatform.domain.monitoring.alerts.AlertTransitionException;
import org.mlplatform.domain.monitoring.alerts.NoSuchAlertException;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.monitoring.MonitoringAlerts;
import org.mlplatform.portal.ui.base.Times;
import org.mlplatform.portal.ui.tasks.ProcessView;

/**
 * A list of alerts, newest first, with their status and severity; people with the role take an
 * alert on (acknowledge) or close it (resolve) from its row. A change that lost a race with someone
 * else's says so and shows the alert as it is now.
 */
final class AlertsPanel extends Grid<Alert> {

  private final Supplier<List<Alert>> loader;
  private final MonitoringAlerts alerts;
  private final PlatformUser user;
  private final Runnable changed;

  /**
   * @param showModel whether to show each alert's model (with a link to its monitoring page)
   * @param loader reads the alerts to show, again after every change
   * @param changed runs after an alert changed, for the page to update what depends on alerts
   */
  AlertsPanel(
      boolean showModel,
      Supplier<List<Alert>> loader,
      MonitoringAlerts alerts,
      PlatformUser user,
      String emptyText,
      Runnable changed) {
    this.loader = loader;
    this.alerts = alerts;
    this.user = user;
    this.changed = changed;
    setId("monitoring-alerts");
    if (showModel) {
      addComponentColumn(
              a ->
                  new RouterLink(
                      a.model(),
                      ModelMonitoringView.class,
                      ModelMonitoringView.parameters(a.model())))
          .setHeader("Model")
          .setAutoWidth(true);
    }
    addComponentColumn(a -> MonitoringBadges.status(a.status()))
        .setHeader("Status")
        .setAutoWidth(true);
    addComponentColumn(a -> MonitoringBadges.severity(a.severity()))
        .setHeader("Severity")
        .setAutoWidth(true);
    addColumn(Alert::message)
        .setHeader("What happened")
        .setFlexGrow(1)
        .setTooltipGenerator(Alert::message);
    addColumn(AlertsPanel::valueAgainstThreshold).setHeader("Value / threshold").setAutoWidth(true);
    addColumn(a -> Times.format(a.openedAt())).setHeader("Opened").setAutoWidth(true);
    addColumn(a -> Times.format(a.lastSeenAt())).setHeader("Last seen").setAutoWidth(true);
    addColumn(AlertsPanel::handledBy).setHeader("Handled by").setAutoWidth(true);
    addComponentColumn(AlertsPanel::retraining).setHeader("Retraining").setAutoWidth(true);
    if (MonitoringAccess.canAcknowledge(user)) {
      addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
    }
    setEmptyStateText(emptyText);
    setAllRowsVisible(true);
    refresh();
  }

  /** Reads the alerts again. */
  void refresh() {
    setItems(
        loader.get().stream().sorted(Comparator.comparing(Alert::openedAt).reversed()).toList());
  }

  /** {@code 0.31 > 0.2}: the breaching value against the threshold it crossed. */
  static String valueAgainstThreshold(Alert alert) {
    return MonitoringText.number(alert.value()) + " / " + MonitoringText.number(alert.threshold());
  }

  /** Who acknowledged and who resolved the alert, when anyone did. */
  static String handledBy(Alert alert) {
    String acknowledged = alert.acknowledgedBy().map(by -> "acknowledged by " + by).orElse("");
    String resolved = alert.resolvedBy().map(by -> "resolved by " + by).orElse("");
    return acknowledged.isEmpty() || resolved.isEmpty()
        ? acknowledged + resolved
        : acknowledged + ", " + resolved;
  }

  private static Span retraining(Alert alert) {
    Span cell = new Span();
    alert
        .retrainingProcessId()
        .ifPresent(
            id ->
                cell.add(
                    new RouterLink("process", ProcessView.class, new RouteParameters("id", id))));
    return cell;
  }

  private HorizontalLayout actions(Alert alert) {
    HorizontalLayout buttons = new HorizontalLayout();
    buttons.setSpacing(true);
    if (alert.status() == AlertStatus.OPEN) {
      Button acknowledge =
          new Button("Acknowledge", e -> change(alert.id(), alerts::acknowledge, "Acknowledged"));
      acknowledge.addClassName("monitoring-alert-acknowledge");
      acknowledge.addThemeVariants(ButtonVariant.SMALL);
      buttons.add(acknowledge);
    }
    if (alert.status().isUnresolved() && MonitoringAccess.canResolve(user)) {
      Button resolve = new Button("Resolve", e -> change(alert.id(), alerts::resolve, "Resolved"));
      resolve.addClassName("monitoring-alert-resolve");
      resolve.addThemeVariants(ButtonVariant.SMALL);
      buttons.add(resolve);
    }
    return buttons;
  }

  private void change(UUID id, BiFunction<UUID, PlatformUser, Alert> action, String done) {
    try {
      action.apply(id, user);
      Notification.show(done, 3_000, Notification.Position.TOP_END);
    } catch (AlertTransitionException | NoSuchAlertException e) {
      Notification.show(e.getMessage(), 6_000, Notification.Position.TOP_END);
    }
    refresh();
    changed.run();
  }
}
