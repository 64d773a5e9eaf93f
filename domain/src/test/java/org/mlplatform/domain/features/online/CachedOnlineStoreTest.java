package org.mlplatform.domain.features.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.FeatureDefinition;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.JoinKey;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.features.offline.OfflineTable;

/** Read-through, invalidation on materialisation, and the read/materialise race. */
class CachedOnlineStoreTest {

  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private static final OfflineTable TABLE =
      new OfflineTable(
          new ResourceName("txn_stats"),
          1,
          List.of(new JoinKey(new ResourceName("customer_id"), FeatureType.INT64)),
          List.of(new FeatureDefinition(new ResourceName("amount"), FeatureType.FLOAT64, "")));

  /** An in-memory online store that records what it was asked for. */
  private static class FakeStore implements OnlineStore {
    final Map<EntityKey, Observation> rows = new ConcurrentHashMap<>();
    final List<List<EntityKey>> lookups = new ArrayList<>();

    @Override
    public void ensureTable(OfflineTable table) {}

    @Override
    public long materialize(OfflineTable table, Iterator<Observation> latestRows) {
      long n = 0;
      while (latestRows.hasNext()) {
        Observation row = latestRows.next();
        rows.merge(
            row.key(), row, (old, neu) -> neu.eventTime().isBefore(old.eventTime()) ? old : neu);
        n++;
      }
      return n;
    }

    @Override
    public Map<EntityKey, Observation> lookup(OfflineTable table, Collection<EntityKey> keys) {
      synchronized (lookups) {
        lookups.add(List.copyOf(keys));
      }
      Map<EntityKey, Observation> found = new HashMap<>();
      keys.stream().filter(rows::containsKey).forEach(k -> found.put(k, rows.get(k)));
      return found;
    }

    @Override
    public long count(OfflineTable table) {
      return rows.size();
    }
  }

  private static EntityKey key(long id) {
    return EntityKey.of(id);
  }

  private static Observation row(long id, int hour, double value) {
    return new Observation(key(id), T.plusSeconds(3600L * hour), new Object[] {value});
  }

  private static Object valueOf(Map<EntityKey, Observation> found, long id) {
    Observation row = found.get(key(id));
    return row == null ? null : row.values()[0];
  }

  @Test
  void asksTheStoreOnlyAboutEntitiesTheCacheDoesNotKnowMissesIncluded() {
    FakeStore fake = new FakeStore();
    CachedOnlineStore store = new CachedOnlineStore(fake, new OnlineCache(100));
    store.materialize(TABLE, List.of(row(1, 0, 10.0), row(2, 0, 20.0)).iterator());

    Map<EntityKey, Observation> first = store.lookup(TABLE, List.of(key(1), key(9)));
    Map<EntityKey, Observation> second = store.lookup(TABLE, List.of(key(1), key(9), key(2)));

    assertThat(first).containsOnlyKeys(key(1));
    assertThat(valueOf(second, 1)).isEqualTo(10.0);
    assertThat(valueOf(second, 2)).isEqualTo(20.0);
    assertThat(second).doesNotContainKey(key(9));
    assertThat(fake.lookups).containsExactly(List.of(key(1), key(9)), List.of(key(2)));
  }

  @Test
  void materialisingReplacesCachedValuesAndCachedMisses() {
    FakeStore fake = new FakeStore();
    CachedOnlineStore store = new CachedOnlineStore(fake, new OnlineCache(100));
    store.materialize(TABLE, List.of(row(1, 0, 10.0)).iterator());
    store.lookup(TABLE, List.of(key(1), key(2)));

    store.materialize(TABLE, List.of(row(1, 1, 11.0), row(2, 1, 21.0)).iterator());
    Map<EntityKey, Observation> after = store.lookup(TABLE, List.of(key(1), key(2)));

    assertThat(valueOf(after, 1)).isEqualTo(11.0);
    assertThat(valueOf(after, 2)).isEqualTo(21.0);
  }

  @Test
  void aLookupRacingAMaterialisationDoesNotCacheThePreviousAnswer() throws Exception {
    CountDownLatch readDone = new CountDownLatch(1);
    CountDownLatch materialised = new CountDownLatch(1);
    FakeStore fake =
        new FakeStore() {
          @Override
          public Map<EntityKey, Observation> lookup(
              OfflineTable table, Collection<EntityKey> keys) {
            Map<EntityKey, Observation> answer = super.lookup(table, keys);
            if (readDone.getCount() > 0) { // only the first read is held up
              readDone.countDown();
              await(materialised);
            }
            return answer;
          }
        };
    CachedOnlineStore store = new CachedOnlineStore(fake, new OnlineCache(100));
    store.materialize(TABLE, List.of(row(1, 0, 10.0)).iterator());

    try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
      Future<Map<EntityKey, Observation>> slow =
          pool.submit(() -> store.lookup(TABLE, List.of(key(1), key(2))));
      await(readDone); // the slow read has its (old) answer but has not cached it yet
      store.materialize(TABLE, List.of(row(1, 1, 11.0), row(2, 1, 21.0)).iterator());
      materialised.countDown();
      assertThat(valueOf(slow.get(), 1)).isEqualTo(10.0); // that request saw the old state
    }

    Map<EntityKey, Observation> after = store.lookup(TABLE, List.of(key(1), key(2)));
    assertThat(valueOf(after, 1)).isEqualTo(11.0);
    assertThat(valueOf(after, 2)).isEqualTo(21.0);
  }

  @Test
  void readersRunningThroughManyMaterialisationsEndOnTheLastValues() throws Exception {
    FakeStore fake = new FakeStore();
    CachedOnlineStore store = new CachedOnlineStore(fake, new OnlineCache(1_000, 4));
    List<EntityKey> keys = LongStream.range(0, 50).mapToObj(CachedOnlineStoreTest::key).toList();
    AtomicBoolean writing = new AtomicBoolean(true);
    List<Future<Long>> readers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      for (int r = 0; r < 3; r++) {
        readers.add(
            pool.submit(
                () -> {
                  long reads = 0;
                  while (writing.get()) {
                    store.lookup(TABLE, keys);
                    reads++;
                  }
                  return reads;
                }));
      }
      for (int hour = 0; hour < 200; hour++) {
        int h = hour;
        store.materialize(
            TABLE, keys.stream().map(k -> row((Long) k.values().get(0), h, h)).iterator());
      }
      writing.set(false);
      for (Future<Long> reader : readers) {
        assertThat(reader.get(10, TimeUnit.SECONDS)).isPositive();
      }
    }

    Map<EntityKey, Observation> last = store.lookup(TABLE, keys);
    assertThat(last).hasSize(50).allSatisfy((k, v) -> assertThat(v.values()[0]).isEqualTo(199.0));
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
