package org.mlplatform.domain.features.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.EntityKey;

/** Bounded LRU behaviour, negative entries, invalidation and concurrent use of the cache. */
class OnlineCacheTest {

  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private static EntityKey key(long id) {
    return EntityKey.of(id);
  }

  private static Observation row(long id) {
    return new Observation(key(id), T, new Object[] {(double) id});
  }

  /** Caches the rows of these ids as found (negative ids as absent). */
  private static void fill(OnlineCache cache, String table, long... ids) {
    List<EntityKey> looked = new ArrayList<>();
    Map<EntityKey, Observation> found = new HashMap<>();
    for (long id : ids) {
      looked.add(key(Math.abs(id)));
      if (id >= 0) {
        found.put(key(id), row(id));
      }
    }
    cache.putAll(table, cache.epoch(), looked, found);
  }

  private static List<EntityKey> unknown(OnlineCache cache, String table, long... ids) {
    return cache.getAll(
        table, IntStream.range(0, ids.length).mapToObj(i -> key(ids[i])).toList(), new HashMap<>());
  }

  @Test
  void evictsTheLeastRecentlyUsedEntryWhenFull() {
    OnlineCache cache = new OnlineCache(3, 1);
    fill(cache, "fv_a_v1", 1, 2, 3);
    assertThat(unknown(cache, "fv_a_v1", 1)).isEmpty(); // 1 is now the most recently used

    fill(cache, "fv_a_v1", 4);

    assertThat(cache.size()).isEqualTo(3);
    assertThat(unknown(cache, "fv_a_v1", 1, 2, 3, 4)).containsExactly(key(2));
  }

  @Test
  void neverHoldsMoreThanItsCapacityAcrossSegments() {
    OnlineCache cache = new OnlineCache(100, 16);

    for (long id = 0; id < 1_000; id++) {
      fill(cache, "fv_a_v1", id);
    }

    assertThat(cache.capacity()).isEqualTo(100);
    assertThat(cache.size()).isEqualTo(100);
    assertThat(unknown(cache, "fv_a_v1", 999)).isEmpty(); // the newest entries survive
  }

  @Test
  void remembersEntitiesTheStoreDoesNotHave() {
    OnlineCache cache = new OnlineCache(10);
    fill(cache, "fv_a_v1", 1, -2);
    Map<EntityKey, Observation> found = new HashMap<>();

    List<EntityKey> unknown = cache.getAll("fv_a_v1", List.of(key(1), key(2), key(3)), found);

    assertThat(unknown).containsExactly(key(3));
    assertThat(found).containsOnlyKeys(key(1));
    assertThat(found.get(key(1)).values()).containsExactly(1.0);
    assertThat(cache.hits()).isEqualTo(2);
    assertThat(cache.misses()).isEqualTo(1);
  }

  @Test
  void invalidatesOneTableOrEverything() {
    OnlineCache cache = new OnlineCache(10);
    fill(cache, "fv_a_v1", 1, -2);
    fill(cache, "fv_b_v1", 1);

    cache.invalidate("fv_a_v1");

    assertThat(unknown(cache, "fv_a_v1", 1, 2)).containsExactly(key(1), key(2));
    assertThat(unknown(cache, "fv_b_v1", 1)).isEmpty();
    cache.invalidateAll();
    assertThat(cache.size()).isZero();
  }

  @Test
  void dropsAFillThatStartedBeforeAnInvalidation() {
    OnlineCache cache = new OnlineCache(10);
    long before = cache.epoch();

    cache.invalidate("fv_other_v1"); // any invalidation: the check is deliberately conservative
    cache.putAll("fv_a_v1", before, List.of(key(1)), Map.of(key(1), row(1)));

    assertThat(cache.size()).isZero();
    fill(cache, "fv_a_v1", 1);
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void refusesAnEmptyCapacity() {
    assertThatThrownBy(() -> new OnlineCache(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concurrentReadersAndWritersKeepEveryEntryConsistent() throws Exception {
    int threads = 4;
    int perThread = 2_000;
    OnlineCache big = new OnlineCache(threads * perThread);
    OnlineCache small = new OnlineCache(500);
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Future<Integer>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      for (int t = 0; t < threads; t++) {
        int first = t * perThread;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  int wrong = 0;
                  for (int i = 0; i < perThread; i++) {
                    fill(big, "fv_a_v1", first + i);
                    long shared = i % 1_000; // every thread also hammers the same keys
                    fill(small, "fv_a_v1", shared);
                    Map<EntityKey, Observation> found = new HashMap<>();
                    small.getAll("fv_a_v1", List.of(key(shared)), found);
                    Observation hit = found.get(key(shared));
                    if (hit != null && !hit.values()[0].equals((double) shared)) {
                      wrong++;
                    }
                  }
                  return wrong;
                }));
      }
      for (Future<Integer> result : results) {
        assertThat(result.get()).isZero();
      }
    }

    assertThat(big.size()).isEqualTo(threads * perThread);
    Map<EntityKey, Observation> all = new HashMap<>();
    List<EntityKey> everyKey =
        IntStream.range(0, threads * perThread).mapToObj(i -> key((long) i)).toList();
    assertThat(big.getAll("fv_a_v1", everyKey, all)).isEmpty();
    assertThat(all).hasSize(threads * perThread);
    assertThat(all).allSatisfy((k, v) -> assertThat(v.key()).isEqualTo(k));
    assertThat(small.size()).isLessThanOrEqualTo(500);
    assertThat(small.hits() + small.misses()).isEqualTo((long) threads * perThread);
  }
}
