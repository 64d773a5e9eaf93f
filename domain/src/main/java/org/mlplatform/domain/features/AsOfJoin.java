package org.mlplatform.domain.features;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.mlplatform.domain.features.offline.HistoryIndex;
import org.mlplatform.domain.features.offline.RowFilter;

/**
 * The point-in-time join behind training sets: for every query (an entity as of a moment), the
 * latest observation of that entity whose event time is at or before the moment and within the TTL.
 * Never a value from the future; none at all when nothing qualifies.
 *
 * <p>Observations stream through once, in any order, so a database can hand them over in the order
 * it reads them fastest (no sort, no index walk). Memory is proportional to the queries, not to the
 * view's history.
 */
public final class AsOfJoin {

  /** An entity whose features are wanted as of a moment (one training row). */
  public record Query(EntityKey key, Instant asOf) {
    public Query {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(asOf, "asOf");
    }
  }

  /** A stored record of one entity's feature values at an event time. */
  public record Observation(EntityKey key, Instant eventTime, Object[] values) {
    public Observation {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(eventTime, "eventTime");
    }
  }

  private final List<Query> queries;
  private final Instant[] asOf;
  private final Map<EntityKey, Slot> slots;

  /** One entity key's queries, by ascending moment; {@code id} numbers the keys from 0. */
  private record Slot(EntityKey key, int id, int[] indexes) {}

  /** Prepares the join for these queries; it can then run once per feature view. */
  public AsOfJoin(List<Query> queries) {
    this.queries = List.copyOf(queries);
    int n = this.queries.size();
    asOf = new Instant[n];
    Map<EntityKey, Integer> ids = new HashMap<>();
    List<EntityKey> keys = new ArrayList<>();
    int[] idOf = new int[n];
    int[] counts = new int[n];
    for (int i = 0; i < n; i++) {
      Query query = this.queries.get(i);
      asOf[i] = query.asOf();
      Integer id = ids.putIfAbsent(query.key(), keys.size());
      if (id == null) {
        id = keys.size();
        keys.add(query.key());
      }
      idOf[i] = id;
      counts[id]++;
    }
    int[][] indexes = new int[keys.size()][];
    for (int id = 0; id < indexes.length; id++) {
      indexes[id] = new int[counts[id]];
      counts[id] = 0;
    }
    for (int i = 0; i < n; i++) {
      int id = idOf[i];
      indexes[id][counts[id]++] = i;
    }
    slots = HashMap.newHashMap(keys.size());
    for (int id = 0; id < indexes.length; id++) {
      slots.put(keys.get(id), new Slot(keys.get(id), id, sortByMoment(indexes[id])));
    }
  }

  /** Query indexes (ascending) ordered by moment; equal moments keep their order (stable). */
  private int[] sortByMoment(int[] indexes) {
    for (int i = 1; i < indexes.length; i++) {
      if (asOf[indexes[i]].isBefore(asOf[indexes[i - 1]])) {
        return Arrays.stream(indexes)
            .boxed()
            .sorted(Comparator.comparing(q -> asOf[q]))
            .mapToInt(Integer::intValue)
            .toArray();
      }
    }
    return indexes; // already in order, as when the entity rows come sorted by time
  }

  /** The distinct entity keys the queries ask about (to fetch only their observations). */
  public Set<EntityKey> keys() {
    return Collections.unmodifiableSet(slots.keySet());
  }

  /**
   * Joins one view's observations, in any order. Safe to call from several threads at once (each
   * call keeps its own state).
   *
   * @param ttl how old a value may be at the query's moment; {@link Duration#ZERO} for no limit
   * @return for each query (same index), the matching observation or null
   */
  public Observation[] join(Iterator<Observation> observations, Duration ttl) {
    Run run = start(ttl);
    observations.forEachRemaining(run::accept);
    return run.finish();
  }

  /**
   * Joins one view through an index of all its rows: one search per query instead of a pass over
   * the rows. The same answer as {@link #join} over every row of the view.
   *
   * @param ttl how old a value may be at the query's moment; {@link Duration#ZERO} for no limit
   * @return for each query (same index), the matching observation or null
   */
  public Observation[] lookUp(HistoryIndex index, Duration ttl) {
    Objects.requireNonNull(ttl, "ttl");
    Observation[] matches = new Observation[queries.size()];
    for (int i = 0; i < matches.length; i++) {
      Observation latest = index.latestAtOrBefore(queries.get(i).key(), asOf[i]);
      if (latest != null && isFresh(latest.eventTime(), asOf[i], ttl)) {
        matches[i] = latest;
      }
    }
    return matches;
  }

  /** Starts joining one view: offer it observations, then {@link Run#finish()}. */
  public Run start(Duration ttl) {
    return new Run(Objects.requireNonNull(ttl, "ttl"));
  }

  /**
   * One view's join in progress. Each observation is offered only to its key's earliest query at or
   * after its event time (a binary search); {@link #finish()} carries the latest offer forward
   * through the key's later queries and drops what the TTL excludes. So a store may read in
   * physical order, and the cost is one hash lookup and one search per observation however many
   * queries an entity has. Of observations with equal key and event time, the one offered last
   * wins. Not thread-safe.
   */
  public final class Run implements RowFilter {
    private final Duration ttl;
    private final Observation[] matches = new Observation[queries.size()];

    private Run(Duration ttl) {
      this.ttl = ttl;
    }

    /**
     * Whether an observation with this key and event time would change the result now; a store can
     * skip decoding the values of rows that would not.
     */
    @Override
    public boolean wants(EntityKey key, Instant eventTime) {
      int query = queryFor(key, eventTime);
      if (query < 0 || !isFresh(eventTime, asOf[query], ttl)) {
        return false; // stale for its first query means stale for the later ones too
      }
      Observation offered = matches[query];
      return offered == null || !eventTime.isBefore(offered.eventTime());
    }

    public void accept(Observation observation) {
      int query = queryFor(observation.key(), observation.eventTime());
      if (query >= 0) {
        Observation offered = matches[query];
        if (offered == null || !observation.eventTime().isBefore(offered.eventTime())) {
          matches[query] = observation;
        }
      }
    }

    /** For each query (same index), the matching observation or null. */
    public Observation[] finish() {
      for (Slot slot : slots.values()) {
        Observation latest = null;
        for (int query : slot.indexes()) {
          Observation offered = matches[query];
          if (offered != null
              && (latest == null || !offered.eventTime().isBefore(latest.eventTime()))) {
            latest = offered;
          }
          matches[query] =
              latest != null && isFresh(latest.eventTime(), asOf[query], ttl) ? latest : null;
        }
      }
      return matches;
    }
  }

  /** The key's earliest query at or after the time, or -1 when there is none. */
  private int queryFor(EntityKey key, Instant time) {
    Slot slot = slots.get(key);
    if (slot == null) {
      return -1; // nobody asked about this entity
    }
    int[] indexes = slot.indexes();
    int first = firstAtOrAfter(indexes, time);
    return first < indexes.length ? indexes[first] : -1;
  }

  /** The first position in {@code indexes} (sorted by moment) whose moment is at or after time. */
  private int firstAtOrAfter(int[] indexes, Instant time) {
    int low = 0;
    int high = indexes.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (asOf[indexes[middle]].isBefore(time)) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  private static boolean isFresh(Instant eventTime, Instant asOf, Duration ttl) {
    return ttl.isZero() || !eventTime.isBefore(asOf.minus(ttl));
  }
}
