package org.mlplatform.portal.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.mlplatform.domain.monitoring.alerts.Alert;
import org.mlplatform.domain.monitoring.alerts.AlertRepository;
import org.mlplatform.domain.monitoring.alerts.AlertRule;
import org.mlplatform.domain.monitoring.alerts.RuleCheck;
import org.mlplatform.domain.monitoring.alerts.RuleOutcome;
import org.mlplatform.domain.notifications.Notification;
import org.mlplatform.domain.notifications.Recipient;
import org.mlplatform.portal.notifications.Notifier;
import org.mlplatform.workflows.Retrainings;
import org.mlplatform.workflows.retraining.RetrainingTrigger;

/**
 * Applies one rule to one report, in one transaction: a breach opens an alert (at most one
 * unresolved per rule) and notifies data scientists, or marks the open one seen again; a clear
 * value resolves the unresolved one as the system; no value changes nothing.
 */
@ApplicationScoped
public class AlertEvaluator {

  /** Who retrainings started by alerts are requested by. */
  static final String MONITORING = "monitoring";

  /** The group alerts go to, besides the webhook. */
  static final String DATA_SCIENTISTS = "data-scientist";

  @Inject private AlertRepository alerts;
  @Inject private Notifier notifier;

  /** The alert this evaluation opened, if it opened one. */
  @Transactional
  public Optional<Alert> apply(AlertRule rule, MonitoringReport report, Instant at) {
    OptionalDouble observed = ObservedValues.of(report, rule);
    RuleOutcome outcome = RuleCheck.evaluate(rule, observed);
    Optional<Alert> unresolved = alerts.unresolvedFor(rule.id());
    switch (outcome) {
      case BREACHED -> {
        double value = observed.getAsDouble();
        if (unresolved.isPresent()) {
          alerts.update(unresolved.get().seenAgain(value, at), unresolved.get().status());
          return Optional.empty();
        }
        Optional<Alert> opened =
            alerts.openIfNone(Alert.open(rule, value, message(rule, value, report), at));
        opened.ifPresent(alert -> notifier.notify(notice(alert)));
        return opened;
      }
      case CLEAR -> {
        unresolved.ifPresent(
            alert -> alerts.update(alert.resolve(Alert.SYSTEM, at), alert.status()));
        return Optional.empty();
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  /**
   * Starts the retraining process for the alert's model and records it on the alert, together.
   *
   * @throws org.mlplatform.workflows.Retrainings.RetrainingRunningException when one is running
   */
  @Transactional
  public String startRetraining(Alert alert, Retrainings retrainings) {
    String processId =
        retrainings.requestRetraining(
            alert.model(), RetrainingTrigger.ALERT, MONITORING, alert.message());
    alerts
        .find(alert.id())
        .filter(a -> a.status().isUnresolved())
        .ifPresent(a -> alerts.update(a.withRetraining(processId), a.status()));
    return processId;
  }

  private static String message(AlertRule rule, double value, MonitoringReport report) {
    return String.format(
        Locale.ROOT,
        "%s: %s is %.4g over %s to %s (v%d, %d rows)",
        rule.model(),
        rule.describe(),
        value,
        report.from(),
        report.to(),
        report.version(),
        report.rows());
  }

  private static Notification notice(Alert alert) {
    return Notification.create(
        Recipient.group(DATA_SCIENTISTS),
        "monitoring.alert",
        alert.severity().key().toUpperCase(Locale.ROOT) + " alert on " + alert.model(),
        alert.message(),
        "monitoring/" + alert.model(),
        alert.openedAt());
  }
}
