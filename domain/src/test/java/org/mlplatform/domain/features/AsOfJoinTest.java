package org.mlplatform.domain.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.AsOfJoin.Query;
import org.mlplatform.domain.features.offline.HistoryIndex;

/** Point-in-time correctness: the edge cases that leak future data or drop valid values. */
class AsOfJoinTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static Instant t(int hours) {
    return T0.plus(Duration.ofHours(hours));
  }

  private static Observation obs(long customer, int hours, double value) {
    return new Observation(EntityKey.of(customer), t(hours), new Object[] {value});
  }

  private static Query query(long customer, int hours) {
    return new Query(EntityKey.of(customer), t(hours));
  }

  private static Object valueOf(Observation o) {
    return o == null ? null : o.values()[0];
  }

  private static List<Object> join(List<Query> queries, List<Observation> obs, Duration ttl) {
    return Arrays.stream(new AsOfJoin(queries).join(obs.iterator(), ttl))
        .map(AsOfJoinTest::valueOf)
        .toList();
  }

  @Test
  void takesTheLatestValueAtOrBeforeTheMomentNeverAFutureOne() {
    List<Observation> history = List.of(obs(1, 1, 10.0), obs(1, 5, 50.0), obs(1, 9, 90.0));

    assertThat(
            join(
                List.of(query(1, 0), query(1, 4), query(1, 5), query(1, 8), query(1, 100)),
                history,
                Duration.ZERO))
        .containsExactly(null, 10.0, 50.0, 50.0, 90.0);
  }

  @Test
  void equalTimestampsCountAsAvailableAndTheLastDeliveredWins() {
    List<Observation> history = List.of(obs(1, 3, 1.0), obs(1, 3, 2.0));

    assertThat(join(List.of(query(1, 3)), history, Duration.ZERO)).containsExactly(2.0);
  }

  @Test
  void theTtlBoundaryIsInclusive() {
    List<Observation> history = List.of(obs(1, 0, 7.0));
    Duration ttl = Duration.ofHours(24);

    assertThat(join(List.of(query(1, 24), query(1, 25)), history, ttl)).containsExactly(7.0, null);
  }

  @Test
  void anExpiredValueIsNotReplacedByAnOlderOne() {
    List<Observation> history = List.of(obs(1, 0, 1.0), obs(1, 10, 2.0));

    assertThat(join(List.of(query(1, 12), query(1, 40)), history, Duration.ofHours(24)))
        .containsExactly(2.0, null);
  }

  @Test
  void anEntityMissingFromTheViewGetsNothing() {
    assertThat(join(List.of(query(2, 5)), List.of(obs(1, 1, 1.0)), Duration.ZERO))
        .containsOnlyNulls();
  }

  @Test
  void queriesKeepTheirOwnOrderWhateverTheKeyOrder() {
    List<Observation> history =
        List.of(obs(2, 1, 20.0), obs(2, 6, 26.0), obs(1, 2, 12.0), obs(3, 1, 31.0));

    assertThat(
            join(
                List.of(query(1, 3), query(2, 7), query(3, 0), query(2, 2), query(1, 1)),
                history,
                Duration.ZERO))
        .containsExactly(12.0, 26.0, null, 20.0, null);
  }

  @Test
  void compositeKeysMatchOnEveryPart() {
    Observation a = new Observation(EntityKey.of(1L, "eu"), t(1), new Object[] {"a"});
    Observation b = new Observation(EntityKey.of(1L, "us"), t(1), new Object[] {"b"});
    List<Query> queries =
        List.of(new Query(EntityKey.of(1L, "us"), t(2)), new Query(EntityKey.of(1L, "eu"), t(2)));

    assertThat(join(queries, List.of(a, b), Duration.ZERO)).containsExactly("b", "a");
  }

  @Test
  void observationsOutOfTimeOrderJoinAsIfSorted() {
    List<Observation> history = List.of(obs(1, 5, 5.0), obs(1, 8, 8.0), obs(1, 4, 4.0));

    assertThat(join(List.of(query(1, 9), query(1, 4), query(1, 6)), history, Duration.ZERO))
        .containsExactly(8.0, 4.0, 5.0);
  }

  @Test
  void observationsOfAKeyNeedNotComeTogether() {
    List<Observation> history =
        List.of(obs(1, 1, 1.0), obs(2, 1, 2.0), obs(1, 2, 3.0), obs(2, 3, 4.0));

    assertThat(join(List.of(query(1, 9), query(2, 2)), history, Duration.ZERO))
        .containsExactly(3.0, 2.0);
  }

  @Test
  void theTtlAppliesToTheLatestValueNotToAnOlderFreshOne() {
    // At t=10 with a TTL of 3 the latest value (t=6) is stale: nothing, not the older t=5 value.
    List<Observation> history = List.of(obs(1, 6, 6.0), obs(1, 5, 5.0));

    assertThat(join(List.of(query(1, 10), query(1, 8)), history, Duration.ofHours(3)))
        .containsExactly(null, 6.0);
  }

  @Test
  void anyPermutationOfTheHistoryGivesTheSameMatches() {
    Random random = new Random(7);
    List<Observation> history = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      history.add(obs(random.nextInt(20), i, (double) i)); // unique times, so no ties
    }
    List<Query> queries = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      queries.add(query(random.nextInt(25), random.nextInt(520)));
    }
    List<Object> sorted = join(queries, history, Duration.ofHours(40));
    for (int round = 0; round < 5; round++) {
      List<Observation> shuffled = new ArrayList<>(history);
      Collections.shuffle(shuffled, random);
      assertThat(join(queries, shuffled, Duration.ofHours(40))).isEqualTo(sorted);
    }
  }

  @Test
  void agreesWithABruteForceJoinOnRandomData() {
    Random random = new Random(42);
    List<Observation> history = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      history.add(obs(random.nextInt(50), random.nextInt(1_000), i));
    }
    history.sort(
        Comparator.comparing((Observation o) -> (Long) o.key().values().getFirst())
            .thenComparing(Observation::eventTime));
    List<Query> queries = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      queries.add(query(random.nextInt(60), random.nextInt(1_100)));
    }
    Duration ttl = Duration.ofHours(100);

    List<Object> joined = join(queries, history, ttl);

    for (int i = 0; i < queries.size(); i++) {
      Query q = queries.get(i);
      Observation expected = null;
      for (Observation o : history) {
        boolean candidate =
            o.key().equals(q.key())
                && !o.eventTime().isAfter(q.asOf())
                && !o.eventTime().isBefore(q.asOf().minus(ttl));
        if (candidate && (expected == null || !o.eventTime().isBefore(expected.eventTime()))) {
          expected = o;
        }
      }
      assertThat(joined.get(i)).as("query %d %s", i, q).isEqualTo(valueOf(expected));
    }
  }

  @Test
  void lookingUpAnIndexAgreesWithTheJoinOnRandomData() {
    Random random = new Random(7);
    List<Observation> history = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      history.add(obs(random.nextInt(40), random.nextInt(500), i));
    }
    history.add(obs(3, 250, -1)); // the same key and time again: the last one offered wins
    List<Query> queries = new ArrayList<>();
    for (int i = 0; i < 1_500; i++) {
      queries.add(query(random.nextInt(50), random.nextInt(600) - 50));
    }
    queries.add(query(3, 250));
    AsOfJoin join = new AsOfJoin(queries);
    TreeIndex index = new TreeIndex(history);

    for (Duration ttl : List.of(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(40))) {
      List<Object> scanned =
          Arrays.stream(join.join(history.iterator(), ttl)).map(AsOfJoinTest::valueOf).toList();
      List<Object> looked =
          Arrays.stream(join.lookUp(index, ttl)).map(AsOfJoinTest::valueOf).toList();
      assertThat(looked).as("ttl %s", ttl).isEqualTo(scanned);
    }
    assertThat(valueOf(join.lookUp(index, Duration.ZERO)[queries.size() - 1])).isEqualTo(-1.0);
  }

  /** An index over observations in memory: each key's history in a sorted map. */
  private static final class TreeIndex implements HistoryIndex {
    private final Map<EntityKey, TreeMap<Instant, Observation>> byKey = new HashMap<>();

    TreeIndex(List<Observation> observations) {
      observations.forEach(
          o -> byKey.computeIfAbsent(o.key(), k -> new TreeMap<>()).put(o.eventTime(), o));
    }

    @Override
    public Observation latestAtOrBefore(EntityKey key, Instant asOf) {
      TreeMap<Instant, Observation> times = byKey.get(key);
      Map.Entry<Instant, Observation> entry = times == null ? null : times.floorEntry(asOf);
      return entry == null ? null : entry.getValue();
    }
  }
}
