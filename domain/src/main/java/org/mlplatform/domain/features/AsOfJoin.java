package org.mlplatform.domain.features;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
  private final Map<EntityKey, int[]> queryIndexesByKey;

  /** Prepares the join for these queries; it can then run once per feature view. */
  public AsOfJoin(List<Query> queries) {
    this.queries = List.copyOf(queries);
    Map<EntityKey, List<Integer>> byKey = new HashMap<>();
    for (int i = 0; i < this.queries.size(); i++) {
      byKey.computeIfAbsent(this.queries.get(i).key(), k -> new ArrayList<>()).add(i);
    }
    queryIndexesByKey = new HashMap<>(byKey.size() * 2);
    Comparator<Integer> byTime = Comparator.comparing(i -> this.queries.get(i).asOf());
    byKey.forEach(
        (key, indexes) ->
            queryIndexesByKey.put(
                key, indexes.stream().sorted(byTime).mapToInt(Integer::intValue).toArray()));
  }

  /** The distinct entity keys the queries ask about (to fetch only their observations). */
  public Set<EntityKey> keys() {
    return queryIndexesByKey.keySet();
  }

  /**
   * Joins one view's observations.
   *
   * @param observations grouped by key, ascending event time within a key
   * @param ttl how old a value may be at the query's moment; {@link Duration#ZERO} for no limit
   * @return for each query (same index), the matching observation or null
   * @throws IllegalStateException when the observations are not grouped and ordered as required
   */
  public Observation[] join(Iterator<Observation> observations, Duration ttl) {
    Observation[] matches = new Observation[queries.size()];
    Set<EntityKey> finished = new HashSet<>();
    Group group = null;
    while (observations.hasNext()) {
      Observation observation = observations.next();
      int[] indexes = queryIndexesByKey.get(observation.key());
      if (indexes == null) {
        continue; // nobody asked about this entity
      }
      if (group == null || !group.key.equals(observation.key())) {
        if (group != null) {
          group.finish(matches, ttl);
          finished.add(group.key);
        }
        if (finished.contains(observation.key())) {
          throw new IllegalStateException(
              "observations are not grouped by entity key: " + observation.key() + " came back");
        }
        group = new Group(observation.key(), indexes);
      }
      group.accept(observation, matches, ttl);
    }
    if (group != null) {
      group.finish(matches, ttl);
    }
    return matches;
  }

  /** The observations of one entity key, merged with that key's queries in time order. */
  private final class Group {
    private final EntityKey key;
    private final int[] indexes;
    private int next;
    private Observation latest;

    Group(EntityKey key, int[] indexes) {
      this.key = key;
      this.indexes = indexes;
    }

    void accept(Observation observation, Observation[] matches, Duration ttl) {
      if (latest != null && observation.eventTime().isBefore(latest.eventTime())) {
        throw new IllegalStateException(
            "observations of "
                + key
                + " are not in event-time order at "
                + observation.eventTime());
      }
      // Queries strictly before this observation are settled by what came earlier.
      while (next < indexes.length
          && queries.get(indexes[next]).asOf().isBefore(observation.eventTime())) {
        settle(indexes[next++], matches, ttl);
      }
      latest = observation; // at equal times the later-delivered observation wins
    }

    void finish(Observation[] matches, Duration ttl) {
      while (next < indexes.length) {
        settle(indexes[next++], matches, ttl);
      }
    }

    private void settle(int queryIndex, Observation[] matches, Duration ttl) {
      if (latest != null && isFresh(latest.eventTime(), queries.get(queryIndex).asOf(), ttl)) {
        matches[queryIndex] = latest;
      }
    }
  }

  private static boolean isFresh(Instant eventTime, Instant asOf, Duration ttl) {
    return ttl.isZero() || !eventTime.isBefore(asOf.minus(ttl));
  }
}
