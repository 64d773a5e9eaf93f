package org.mlplatform.portal.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mlplatform.domain.monitoring.alerts.Alert;
import org.mlplatform.domain.monitoring.alerts.AlertRule;
import org.mlplatform.domain.monitoring.alerts.AlertRuleRepository;
import org.mlplatform.portal.boot.PlatformStartup;
import org.mlplatform.workflows.Retrainings.RetrainingRunningException;

/**
 * Runs a model's enabled rules against a report, each in its own transaction, so one failing rule
 * leaves the others' alerts in place. A rule that opens an alert and asks for it starts the
 * retraining process; when one is already running for the model, the alert says so in the log and
 * the running one stands.
 */
@ApplicationScoped
public class RuleRunner {

  private static final Logger LOG = Logger.getLogger(RuleRunner.class.getName());

  @Inject private AlertRuleRepository rules;
  @Inject private AlertEvaluator evaluator;
  @Inject private PlatformStartup platform;

  /** How many alerts the run opened. */
  public int run(String model, MonitoringReport report, Instant at) {
    int opened = 0;
    for (AlertRule rule : rules.list(Optional.of(model))) {
      if (!rule.enabled()) {
        continue;
      }
      try {
        Optional<Alert> alert = evaluator.apply(rule, report, at);
        if (alert.isPresent()) {
          opened++;
          if (rule.startsRetraining()) {
            startRetraining(alert.get());
          }
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "alert rule " + rule.id() + " (" + rule.describe() + ") failed", e);
      }
    }
    return opened;
  }

  private void startRetraining(Alert alert) {
    platform
        .workflows()
        .ifPresent(
            workflows -> {
              try {
                evaluator.startRetraining(alert, workflows.retrainings());
              } catch (RetrainingRunningException e) {
                LOG.info(() -> "alert " + alert.id() + ": " + e.getMessage());
              }
            });
  }
}
