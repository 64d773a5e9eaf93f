package org.mlplatform.domain.features.online;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.EntityKey;

/**
 * A bounded, thread-safe cache of online-store rows per (table, entity key), in front of the
 * database so that hot entities are served from memory. It remembers misses too (negative caching):
 * an entity the store has no row for is not asked about again until the table is invalidated.
 *
 * <p>Entries live in segments, each a {@link LinkedHashMap} in access order under its own lock, so
 * threads touching different segments do not contend; each segment evicts its least recently used
 * entry when full, which makes eviction approximately LRU overall. The total never exceeds {@link
 * #capacity()}.
 *
 * <p>Staying correct after materialisation: {@link #invalidate} drops a table's entries, and every
 * invalidation advances an {@link #epoch()}. A reader takes the epoch <em>before</em> reading the
 * database and hands it to {@link #putAll}, which stores nothing if an invalidation happened in
 * between: otherwise a read racing with a materialisation could put the pre-materialisation answer
 * (an old value, or "not found") back into the cache after it was cleared. Only invalidations on
 * this JVM are seen: in a cluster, every node must invalidate on a materialisation event.
 */
public final class OnlineCache {

  /** Entries kept by {@link #OnlineCache()}, across all tables. */
  public static final int DEFAULT_CAPACITY = 100_000;

  private static final int DEFAULT_SEGMENTS = 16;

  /** The cached answer "the store has no row for this entity". */
  private static final Object ABSENT = new Object();

  private record Key(String table, EntityKey entity) {}

  /** One LRU segment; guarded by its own monitor. */
  private static final class Segment extends LinkedHashMap<Key, Object> {
    private final int capacity;

    Segment(int capacity) {
      super(Math.min(capacity, 1 << 12), 0.75f, true);
      this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
      return size() > capacity;
    }
  }

  private final Segment[] segments;
  private final int capacity;
  private final AtomicLong epoch = new AtomicLong();
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  public OnlineCache() {
    this(DEFAULT_CAPACITY);
  }

  public OnlineCache(int capacity) {
    this(capacity, DEFAULT_SEGMENTS);
  }

  /**
   * @param capacity the most entries kept in total, at least 1
   * @param segments how many independently locked segments share the capacity; rounded down to a
   *     power of two and to at most {@code capacity} (1 gives exact LRU order)
   */
  public OnlineCache(int capacity, int segments) {
    if (capacity < 1 || segments < 1) {
      throw new IllegalArgumentException("capacity and segments must be at least 1");
    }
    int count = Integer.highestOneBit(Math.min(segments, capacity));
    this.capacity = capacity;
    this.segments = new Segment[count];
    for (int i = 0; i < count; i++) {
      // Spread the remainder so the segments' capacities add up to exactly the total.
      this.segments[i] = new Segment(capacity / count + (i < capacity % count ? 1 : 0));
    }
  }

  /** The token to pass to {@link #putAll}; take it before reading the store. */
  public long epoch() {
    return epoch.get();
  }

  /**
   * Looks keys up in the cache.
   *
   * @param found receives the cached rows; entities cached as absent are left out of it
   * @return the keys the cache knows nothing about, in the given order (repeats kept)
   */
  public List<EntityKey> getAll(
      String table, Collection<EntityKey> keys, Map<EntityKey, Observation> found) {
    Objects.requireNonNull(table, "table");
    List<EntityKey> unknown = new ArrayList<>(0);
    for (EntityKey entity : keys) {
      Key key = new Key(table, entity);
      Segment segment = segmentOf(key);
      Object cached;
      synchronized (segment) {
        cached = segment.get(key); // access order: a hit refreshes the entry
      }
      if (cached == null) {
        unknown.add(entity);
        misses.increment();
      } else {
        hits.increment();
        if (cached != ABSENT) {
          found.put(entity, (Observation) cached);
        }
      }
    }
    return unknown;
  }

  /**
   * Stores what the store answered for {@code looked}: the rows in {@code found}, and "absent" for
   * every looked-up key without one. Does nothing if the table (or all) was invalidated since
   * {@code epoch} was taken.
   */
  public void putAll(
      String table, long epoch, Collection<EntityKey> looked, Map<EntityKey, Observation> found) {
    Objects.requireNonNull(table, "table");
    for (EntityKey entity : looked) {
      Key key = new Key(table, entity);
      Observation row = found.get(entity);
      Segment segment = segmentOf(key);
      synchronized (segment) {
        // Checked under the segment's lock: an invalidation either runs later and clears this
        // entry, or has already advanced the epoch and this put is skipped.
        if (this.epoch.get() != epoch) {
          return;
        }
        segment.put(key, row == null ? ABSENT : row);
      }
    }
  }

  /** Forgets every entry of one table (an {@code OfflineTable.tableName()}). */
  public void invalidate(String table) {
    Objects.requireNonNull(table, "table");
    epoch.incrementAndGet(); // first: fills that started before now must not land afterwards
    for (Segment segment : segments) {
      synchronized (segment) {
        segment.keySet().removeIf(key -> key.table().equals(table));
      }
    }
  }

  /** Forgets everything. */
  public void invalidateAll() {
    epoch.incrementAndGet();
    for (Segment segment : segments) {
      synchronized (segment) {
        segment.clear();
      }
    }
  }

  /** The number of entries now held, absent markers included. */
  public int size() {
    int size = 0;
    for (Segment segment : segments) {
      synchronized (segment) {
        size += segment.size();
      }
    }
    return size;
  }

  public int capacity() {
    return capacity;
  }

  /** Lookups answered from the cache (rows and absent markers), since creation. */
  public long hits() {
    return hits.sum();
  }

  /** Lookups the cache knew nothing about, since creation. */
  public long misses() {
    return misses.sum();
  }

  private Segment segmentOf(Key key) {
    int h = key.hashCode();
    h ^= h >>> 16; // the low bits pick the segment; mix the high bits in
    return segments[h & (segments.length - 1)];
  }
}
