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

/**
 * The point-in-time join behind training sets: for every query (an entity as of a moment), the
 * latest observation of that entity whose event time is at or before the moment and within the TTL.
 * Never a value from the future; none at all when nothing qualifies.
 *
 * <p>Observations stream through once, in the order a database gives cheaply: grouped by entity key
 * (any key order) and by event time within a key. Memory is proportional to the queries, not to the
 * view's history. Out-of-order input is refused rather than silently joined wrong.
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
   * Joins one view's observations. Safe to call from several threads at once (each call keeps its
   * own state).
   *
   * @param observations grouped by key, ascending event time within a key
   * @param ttl how old a value may be at the query's moment; {@link Duration#ZERO} for no limit
   * @return for each query (same index), the matching observation or null
   * @throws IllegalStateException when the observations are not grouped and ordered as required
   */
  public Observation[] join(Iterator<Observation> observations, Duration ttl) {
    Observation[] matches = new Observation[queries.size()];
    boolean[] finished = new boolean[slots.size()];
    Slot group = null; // the key being merged, its next unsettled query and its latest observation
    int next = 0;
    Observation latest = null;
    while (observations.hasNext()) {
      Observation observation = observations.next();
      EntityKey key = observation.key();
      if (group == null || !group.key().equals(key)) {
        Slot slot = slots.get(key);
        if (slot == null) {
          continue; // nobody asked about this entity
        }
        if (group != null) {
          finish(group, next, latest, matches, ttl);
          finished[group.id()] = true;
        }
        if (finished[slot.id()]) {
          throw new IllegalStateException(
              "observations are not grouped by entity key: " + key + " came back");
        }
        group = slot;
        next = 0;
        latest = null;
      }
      Instant eventTime = observation.eventTime();
      if (latest != null && eventTime.isBefore(latest.eventTime())) {
        throw new IllegalStateException(
            "observations of " + group.key() + " are not in event-time order at " + eventTime);
      }
      // Queries strictly before this observation are settled by what came earlier.
      int[] indexes = group.indexes();
      while (next < indexes.length && asOf[indexes[next]].isBefore(eventTime)) {
        settle(indexes[next++], latest, matches, ttl);
      }
      latest = observation; // at equal times the later-delivered observation wins
    }
    if (group != null) {
      finish(group, next, latest, matches, ttl);
    }
    return matches;
  }

  /** Settles a key's remaining queries with its last observation. */
  private void finish(
      Slot group, int next, Observation latest, Observation[] matches, Duration ttl) {
    int[] indexes = group.indexes();
    for (int i = next; i < indexes.length; i++) {
      settle(indexes[i], latest, matches, ttl);
    }
  }

  private void settle(int queryIndex, Observation latest, Observation[] matches, Duration ttl) {
    if (latest != null && isFresh(latest.eventTime(), asOf[queryIndex], ttl)) {
      matches[queryIndex] = latest;
    }
  }

  private static boolean isFresh(Instant eventTime, Instant asOf, Duration ttl) {
    return ttl.isZero() || !eventTime.isBefore(asOf.minus(ttl));
  }
}
