/**
 * Model performance metrics from predictions and ground truth: the formulas the platform's trainer
 * reports, shared by the retraining workflow (held-out rows) and by monitoring (served predictions
 * whose true outcome arrived later), so that a number means the same wherever it is shown.
 *
 * <p>Whether a higher or a lower value of a metric is better is not decided here but by {@link
 * org.mlplatform.domain.models.policy.MetricDirection}, which knows every name these classes
 * produce.
 */
package org.mlplatform.domain.monitoring.performance;
