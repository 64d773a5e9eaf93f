package org.mlplatform.persistence.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.JoinKey;
import org.mlplatform.domain.features.offline.FeatureRow;
import org.mlplatform.domain.features.offline.OfflineStore;
import org.mlplatform.domain.features.offline.OfflineTable;
import org.mlplatform.domain.features.offline.RowFilter;

/**
 * The first load into an empty table, which PostgreSQL's COPY path writes with a plain insert
 * instead of an upsert: repeats within the upload, concurrent first loads and exact values.
 */
class JdbcOfflineStoreFirstLoadIT extends OfflineStoreTestBase {

  private static final OfflineTable AMOUNTS =
      new OfflineTable(
          name("first_load"),
          1,
          List.of(new JoinKey(name("customer_id"), FeatureType.INT64)),
          List.of(feature("amount", FeatureType.FLOAT64)));

  private static FeatureRow amount(long customer, int hour, double value) {
    return new FeatureRow(EntityKey.of(customer), t(hour), new Object[] {value});
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aFirstUploadWithRepeatedRowsKeepsTheLastOneSent(Backend backend) {
    OfflineStore store = open(backend, AMOUNTS);
    List<FeatureRow> rows = new ArrayList<>();
    for (int i = 0; i < 9_000; i++) {
      rows.add(amount(i % 3_000, 0, i)); // each row three times; the last has the highest value
    }

    assertThat(store.write(AMOUNTS, rows.iterator(), n -> {})).isEqualTo(9_000);

    List<Observation> stored = readAll(store.scan(AMOUNTS, t(1)));
    assertThat(stored).hasSize(3_000);
    assertThat(stored)
        .allSatisfy(
            o -> assertThat(o.values()[0]).isEqualTo((Long) o.key().values().getFirst() + 6_000.0));
    assertThat(store.write(AMOUNTS, rows.iterator(), n -> {})).isEqualTo(9_000);
    assertThat(store.count(AMOUNTS)).isEqualTo(3_000);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aSortedFirstUploadThatLaterRepeatsARowStillKeepsTheLastOneSent(Backend backend) {
    OfflineStore store = open(backend, AMOUNTS);
    List<FeatureRow> rows = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      rows.add(amount(i, 0, i)); // sorted: straight into the table on PostgreSQL
    }
    rows.add(amount(5, 0, -5)); // out of order and a repeat: from here on through the stage
    for (int i = 10_000; i < 11_000; i++) {
      rows.add(amount(i, 0, i));
    }
    List<Long> progress = new ArrayList<>();

    assertThat(store.write(AMOUNTS, rows.iterator(), progress::add)).isEqualTo(11_001);

    assertThat(progress).contains(5_000L, 10_000L).last().isEqualTo(11_001L);
    assertThat(store.count(AMOUNTS)).isEqualTo(11_000);
    assertThat(
            readAll(store.scanRange(AMOUNTS, Set.of(EntityKey.of(5L)), t(0), t(0), RowFilter.ALL)))
        .singleElement()
        .satisfies(o -> assertThat(o.values()).containsExactly(-5.0));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void timesWithinOneMicrosecondAreOneStoredRowEvenInASortedUpload(Backend backend) {
    OfflineStore store = open(backend, AMOUNTS);
    Instant early = T0.plusNanos(100);
    Instant late = T0.plusNanos(900); // later, but the same microsecond once stored
    List<FeatureRow> rows =
        List.of(
            new FeatureRow(EntityKey.of(1L), early, new Object[] {1.0}),
            new FeatureRow(EntityKey.of(1L), late, new Object[] {2.0}),
            new FeatureRow(EntityKey.of(2L), early, new Object[] {3.0}));

    assertThat(store.write(AMOUNTS, rows.iterator(), n -> {})).isEqualTo(3);

    assertThat(show(readAll(store.scan(AMOUNTS, t(1)))))
        .containsExactly("[1]@2026-01-01T00:00:00Z=[2.0]", "[2]@2026-01-01T00:00:00Z=[3.0]");
  }

  /**
   * The first upload finds the table empty and locks it; the second, started meanwhile, must wait
   * for the first to commit and then upsert, or it would fail on the first one's keys (or make the
   * first fail on its own).
   */
  @ParameterizedTest
  @EnumSource(
      value = Backend.class,
      names = {"POSTGRESQL_COPY"})
  void concurrentFirstLoadsOfOverlappingRowsBothSucceedWithoutDuplicates(Backend backend)
      throws Exception {
    OfflineStore store = open(backend, AMOUNTS);
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch secondWaits = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Long> first =
          threads.submit(
              () -> store.write(AMOUNTS, pausedAtTheStart(0, firstStarted, secondWaits), n -> {}));
      assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
      Future<Long> second = threads.submit(() -> store.write(AMOUNTS, rows(5_000), n -> {}));
      boolean secondBlocked = waitForABlockedSession();
      secondWaits.countDown();

      assertThat(first.get(60, TimeUnit.SECONDS)).isEqualTo(10_000);
      assertThat(second.get(60, TimeUnit.SECONDS)).isEqualTo(10_000);
      assertThat(secondBlocked).as("the second upload waited for the first").isTrue();
    } finally {
      threads.shutdownNow();
    }
    assertThat(store.count(AMOUNTS)).isEqualTo(15_000);
  }

  private static Iterator<FeatureRow> rows(int from) {
    return IntStream.range(from, from + 10_000).mapToObj(i -> amount(i, 0, i)).iterator();
  }

  /** Rows {@code from .. from + 10,000}, the first handed out only once {@code go} opens. */
  private static Iterator<FeatureRow> pausedAtTheStart(
      int from, CountDownLatch started, CountDownLatch go) {
    Iterator<FeatureRow> rows = rows(from);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        if (started.getCount() > 0) {
          started.countDown();
          try {
            go.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        }
        return rows.hasNext();
      }

      @Override
      public FeatureRow next() {
        return rows.next();
      }
    };
  }

  /** Waits (up to 10 s) until a session of the test database waits for a lock. */
  private boolean waitForABlockedSession() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    try (Connection connection = dataSource().getConnection();
        PreparedStatement waiting =
            connection.prepareStatement(
                "SELECT COUNT(*) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
      while (System.nanoTime() < deadline) {
        try (ResultSet result = waiting.executeQuery()) {
          if (result.next() && result.getLong(1) > 0) {
            return true;
          }
        }
        Thread.sleep(20);
      }
    }
    return false;
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void doublesOfEveryKindComeBackBitForBit(Backend backend) {
    OfflineStore store = open(backend, AMOUNTS);
    Random random = new Random(5);
    List<FeatureRow> rows = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      double v =
          switch (i % 4) {
            case 0 -> Double.longBitsToDouble(random.nextLong());
            case 1 -> random.nextInt(1_000_000) / 1000.0;
            case 2 -> random.nextGaussian() * Math.pow(10, random.nextInt(-300, 300));
            default ->
                Math.scalb(1.0, random.nextInt(-1074, 1024)) * (random.nextBoolean() ? -1 : 1);
          };
      if (Double.isNaN(v) || v == 0) {
        v = i; // NaN and the sign of zero are covered elsewhere
      }
      rows.add(amount(i, 0, v));
    }
    store.write(AMOUNTS, rows.iterator(), n -> {});

    List<Observation> stored = readAll(store.scan(AMOUNTS, t(0)));
    assertThat(stored).hasSize(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertThat(Double.doubleToRawLongBits((double) stored.get(i).values()[0]))
          .as("row %d: %s", i, rows.get(i).value(0))
          .isEqualTo(Double.doubleToRawLongBits((double) rows.get(i).value(0)));
    }
  }
}
