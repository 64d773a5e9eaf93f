/**
 * Monitoring over time: a {@link org.mlplatform.domain.monitoring.history.MonitoringSnapshot} keeps
 * what one monitoring run found for a model (drift per column, performance against ground truth,
 * traffic) so that charts can show how it changed, and the {@link
 * org.mlplatform.domain.monitoring.history.MonitoringHistory} port stores the snapshots. A snapshot
 * holds plain names and numbers, not the drift types of {@code org.mlplatform.domain.monitoring}:
 * history written today must stay readable when those types change.
 */
package org.mlplatform.domain.monitoring.history;
