/**
 * Per-model governance policy and the pure rules that read it: {@link
 * org.mlplatform.domain.models.policy.ModelPolicy} (how much worse a candidate's held-out metrics
 * may be than the champion's before a promotion's metrics check fails, how much better a retrained
 * version must be to be proposed, how often to retrain), {@link
 * org.mlplatform.domain.models.policy.MetricDirection} (whether higher or lower is better for a
 * metric name), {@link org.mlplatform.domain.models.policy.MetricsCheck} (candidate against
 * champion, metric by metric, with a sentence per metric for the reviewer), and the repository port
 * the policies are kept through.
 */
package org.mlplatform.domain.models.policy;
