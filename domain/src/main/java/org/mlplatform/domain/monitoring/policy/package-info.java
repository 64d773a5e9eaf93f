/**
 * Per-model monitoring policy: {@link org.mlplatform.domain.monitoring.policy.MonitoringPolicy}
 * (which predictions a model's drift is measured on, the share of drifted features that makes its
 * data drifted, how often its alert rules and snapshots run), {@link
 * org.mlplatform.domain.monitoring.policy.FeatureDriftOverride} (one feature's drift options
 * instead of the defaults), and the repository port the policies are kept through.
 */
package org.mlplatform.domain.monitoring.policy;
