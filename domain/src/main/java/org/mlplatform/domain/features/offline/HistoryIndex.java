package org.mlplatform.domain.features.offline;

import java.time.Instant;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.EntityKey;

/**
 * Every stored row of one view version, indexed by entity and event time: a point-in-time lookup is
 * then a search, not a scan of the table. Offered by a store that holds a current copy of the table
 * ({@link OfflineStore#history}). Thread-safe.
 */
public interface HistoryIndex {

  /**
   * The row of {@code key} with the latest event time at or before {@code asOf}; null when the
   * entity has none.
   */
  Observation latestAtOrBefore(EntityKey key, Instant asOf);
}
