/**
 * Alerting on a deployed model's monitoring: {@link
 * org.mlplatform.domain.monitoring.alerts.AlertRule} (watch one {@link
 * org.mlplatform.domain.monitoring.alerts.MonitoredMetric} of a model, or of one of its features,
 * against a threshold), {@link org.mlplatform.domain.monitoring.alerts.RuleCheck} (does an observed
 * value breach a rule), {@link org.mlplatform.domain.monitoring.alerts.Alert} (a breach and its
 * life: open, acknowledged, resolved) and the repository ports both are kept through.
 *
 * <p>A rule has at most one unresolved alert at a time: while the condition lasts the evaluator
 * marks the same alert {@link org.mlplatform.domain.monitoring.alerts.Alert#seenAgain seen again}
 * instead of raising a new one, so people are not paged twice for one problem, and when it clears
 * the alert is resolved by {@link org.mlplatform.domain.monitoring.alerts.Alert#SYSTEM}. The next
 * breach opens a new alert.
 */
package org.mlplatform.domain.monitoring.alerts;
