package org.mlplatform.domain.monitoring.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The snapshots of monitoring runs, per model, trimmed by age. A model's history goes with the
 * model. Failures of the store itself are {@link MonitoringHistoryException}s.
 */
public interface MonitoringHistory {

  /** Stores a snapshot with its columns and metrics, all or nothing. */
  void save(MonitoringSnapshot snapshot);

  /**
   * The model's snapshots computed in {@code [from, to)}: the newest {@code limit} of them, oldest
   * first (the order a chart draws them in).
   *
   * @param limit the most snapshots to return, at least 1
   */
  List<MonitoringSnapshot> list(String model, Instant from, Instant to, int limit);

  /** The model's most recently computed snapshot, if it has any. */
  Optional<MonitoringSnapshot> latest(String model);

  /** Deletes every snapshot computed before {@code cutoff} and says how many went. */
  int deleteOlderThan(Instant cutoff);
}
