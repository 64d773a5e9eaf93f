package org.mlplatform.portal.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mlplatform.domain.audit.Outcome;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.monitoring.alerts.Alert;
import org.mlplatform.domain.monitoring.alerts.AlertRepository;
import org.mlplatform.domain.monitoring.alerts.AlertRule;
import org.mlplatform.domain.monitoring.alerts.AlertRuleRepository;
import org.mlplatform.domain.monitoring.alerts.AlertSeverity;
import org.mlplatform.domain.monitoring.alerts.AlertStatus;
import org.mlplatform.domain.monitoring.alerts.Comparison;
import org.mlplatform.domain.monitoring.alerts.MonitoredMetric;
import org.mlplatform.domain.monitoring.alerts.NoSuchAlertException;
import org.mlplatform.domain.monitoring.alerts.NoSuchAlertRuleException;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.audit.AuditRecorder;
import org.mlplatform.portal.audit.AuditRecorder.Origin;
import org.mlplatform.portal.models.ModelStore;

/**
 * Alert rules and alerts as people work them: each change commits with its audit record. Alerts
 * move open → acknowledged → resolved; a change that lost a race with another gets the {@link
 * org.mlplatform.domain.monitoring.alerts.AlertTransitionException} the store raises.
 */
@ApplicationScoped
@Transactional
public class MonitoringAlerts {

  static final Origin PORTAL = new Origin(null, null);

  @Inject private AlertRuleRepository rules;
  @Inject private AlertRepository alerts;
  @Inject private ModelStore models;
  @Inject private AuditRecorder audit;

  private final Clock clock = Clock.systemUTC();

  public List<AlertRule> rules(Optional<String> model) {
    return rules.list(model);
  }

  public AlertRule rule(UUID id) {
    return rules.find(id).orElseThrow(() -> new NoSuchAlertRuleException(id));
  }

  public AlertRule createRule(AlertRuleInput input, PlatformUser actor) {
    return createRule(input, actor, PORTAL);
  }

  /**
   * @throws org.mlplatform.domain.DomainValidationException naming the field at fault
   */
  public AlertRule createRule(AlertRuleInput input, PlatformUser actor, Origin origin) {
    models.model(ResourceName.of("model", input.model())); // 404 for an unknown model
    AlertRule rule = build(UUID.randomUUID(), input, actor);
    rules.create(rule);
    audit.record(
        actor,
        "alert-rule.create",
        "model:" + rule.model(),
        rule.describe(),
        Outcome.SUCCESS,
        origin);
    return rule;
  }

  /** Replaces a rule's settings; its id, creator and creation time stay. */
  public AlertRule updateRule(UUID id, AlertRuleInput input, PlatformUser actor, Origin origin) {
    AlertRule stored = rule(id);
    AlertRule updated = build(id, input, actor);
    AlertRule kept =
        new AlertRule(
            id,
            stored.model(),
            updated.feature(),
            updated.metric(),
            updated.comparison(),
            updated.threshold(),
            updated.severity(),
            updated.startsRetraining(),
            updated.enabled(),
            stored.createdBy(),
            stored.createdAt());
    rules.update(kept);
    audit.record(
        actor,
        "alert-rule.update",
        "model:" + kept.model(),
        kept.describe(),
        Outcome.SUCCESS,
        origin);
    return kept;
  }

  public void deleteRule(UUID id, PlatformUser actor) {
    deleteRule(id, actor, PORTAL);
  }

  public void deleteRule(UUID id, PlatformUser actor, Origin origin) {
    AlertRule rule = rule(id);
    rules.delete(id);
    audit.record(
        actor,
        "alert-rule.delete",
        "model:" + rule.model(),
        rule.describe(),
        Outcome.SUCCESS,
        origin);
  }

  public List<Alert> alerts(Optional<String> model, Optional<AlertStatus> status, int limit) {
    return alerts.list(model, status, limit);
  }

  public Alert alert(UUID id) {
    return alerts.find(id).orElseThrow(() -> new NoSuchAlertException(id));
  }

  public Alert acknowledge(UUID id, PlatformUser actor) {
    return acknowledge(id, actor, PORTAL);
  }

  public Alert acknowledge(UUID id, PlatformUser actor, Origin origin) {
    Alert alert = alert(id);
    Alert acknowledged = alert.acknowledge(actor.username(), clock.instant());
    alerts.update(acknowledged, alert.status());
    audit.record(
        actor,
        "alert.acknowledge",
        "model:" + alert.model(),
        alert.message(),
        Outcome.SUCCESS,
        origin);
    return acknowledged;
  }

  public Alert resolve(UUID id, PlatformUser actor) {
    return resolve(id, actor, PORTAL);
  }

  public Alert resolve(UUID id, PlatformUser actor, Origin origin) {
    Alert alert = alert(id);
    Alert resolved = alert.resolve(actor.username(), clock.instant());
    alerts.update(resolved, alert.status());
    audit.record(
        actor, "alert.resolve", "model:" + alert.model(), alert.message(), Outcome.SUCCESS, origin);
    return resolved;
  }

  private AlertRule build(UUID id, AlertRuleInput input, PlatformUser actor) {
    return new AlertRule(
        id,
        input.model(),
        input.feature() == null ? Optional.empty() : input.feature(),
        MonitoredMetric.fromKey(input.metric()),
        Comparison.fromKey(input.comparison()),
        input.threshold(),
        AlertSeverity.fromKey(input.severity()),
        input.startsRetraining(),
        input.enabled(),
        actor.username(),
        clock.instant());
  }
}
