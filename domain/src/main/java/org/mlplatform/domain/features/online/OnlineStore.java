package org.mlplatform.domain.features.online;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.offline.OfflineTable;

/**
 * The latest row per entity of every materialised view version, for low-latency lookups. Rows have
 * the shape of the view version's {@link OfflineTable} (join keys, event time, features) and come
 * from {@link org.mlplatform.domain.features.offline.OfflineStore#latestPerEntity}.
 *
 * <p>Values only move forward in time: a stored row is replaced only by one with an equal or newer
 * event time, so re-running a materialisation, or running an older range after a newer one, never
 * brings back an older value. TTL is not applied here but when reading ({@link OnlineLookup}),
 * because freshness depends on the moment of the lookup, not of the materialisation.
 *
 * <p>Entity keys are in their join keys' canonical types ({@link
 * org.mlplatform.domain.features.FeatureType#coerce}), like every {@link EntityKey}. Observations
 * handed out must be treated as read-only: they may be shared with a cache. Implementations are
 * thread-safe and manage their own transactions.
 */
public interface OnlineStore {

  /** Creates the online table of a view version unless it exists. Safe to call repeatedly. */
  void ensureTable(OfflineTable table);

  /**
   * Upserts the latest rows of entities in one transaction: all of them or, if anything fails,
   * none. The table must exist ({@link #ensureTable}). An exception thrown by {@code latestRows}
   * itself rolls the transaction back and reaches the caller unchanged.
   *
   * @param latestRows at most one row per entity is expected; if a key repeats, the newest event
   *     time wins (the later-delivered row at equal times)
   * @return the number of rows taken from {@code latestRows} (including those that lost to a newer
   *     stored row)
   */
  long materialize(OfflineTable table, Iterator<Observation> latestRows);

  /**
   * The stored rows of the given entities; entities without a row are absent from the map. Keys may
   * repeat. Empty (not an error) for a view version that was never materialised.
   */
  Map<EntityKey, Observation> lookup(OfflineTable table, Collection<EntityKey> keys);

  /** The number of entities stored for a view version; 0 when its table does not exist yet. */
  long count(OfflineTable table);
}
