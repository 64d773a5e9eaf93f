package org.mlplatform.domain.features.online;

import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.offline.OfflineTable;

/**
 * An {@link OnlineStore} that reads through an {@link OnlineCache}: only entities the cache knows
 * nothing about reach the underlying store, in one batched lookup. Materialising through this store
 * invalidates the table's entries once the write has finished, so a cached value (or cached "not
 * found") never outlives the materialisation that replaced it. Writes that bypass this store must
 * invalidate the cache themselves.
 */
public final class CachedOnlineStore implements OnlineStore {

  private final OnlineStore delegate;
  private final OnlineCache cache;

  public CachedOnlineStore(OnlineStore delegate, OnlineCache cache) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.cache = Objects.requireNonNull(cache, "cache");
  }

  public OnlineCache cache() {
    return cache;
  }

  @Override
  public void ensureTable(OfflineTable table) {
    delegate.ensureTable(table);
  }

  /** Invalidates even when the write fails: harmless then, and it cannot be missed. */
  @Override
  public long materialize(OfflineTable table, Iterator<Observation> latestRows) {
    try {
      return delegate.materialize(table, latestRows);
    } finally {
      cache.invalidate(table.tableName());
    }
  }

  @Override
  public Map<EntityKey, Observation> lookup(OfflineTable table, Collection<EntityKey> keys) {
    String name = table.tableName();
    long epoch = cache.epoch(); // before the database read: see OnlineCache
    Map<EntityKey, Observation> found = new HashMap<>();
    List<EntityKey> unknown = cache.getAll(name, keys, found);
    if (!unknown.isEmpty()) {
      Map<EntityKey, Observation> fetched = delegate.lookup(table, unknown);
      cache.putAll(name, epoch, unknown, fetched);
      found.putAll(fetched);
    }
    return found;
  }

  @Override
  public long count(OfflineTable table) {
    return delegate.count(table);
  }
}
