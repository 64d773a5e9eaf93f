/**
 * Monitoring of deployed models: each served version's traffic held against its baseline (the
 * training set and its held-out predictions) for drift, data quality and, where ground truth came
 * back, performance; snapshots over time, alert rules evaluated on a schedule, and alerts that
 * notify people and can start the retraining process.
 */
package org.mlplatform.portal.monitoring;
