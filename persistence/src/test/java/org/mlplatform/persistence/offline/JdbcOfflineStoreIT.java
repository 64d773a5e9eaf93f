package org.mlplatform.persistence.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlplatform.domain.features.AsOfJoin;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.AsOfJoin.Query;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.JoinKey;
import org.mlplatform.domain.features.ingest.RowProblem;
import org.mlplatform.domain.features.ingest.RowsRejectedException;
import org.mlplatform.domain.features.offline.CloseableIterator;
import org.mlplatform.domain.features.offline.FeatureRow;
import org.mlplatform.domain.features.offline.OfflineStore;
import org.mlplatform.domain.features.offline.OfflineTable;
import org.mlplatform.domain.features.offline.RowFilter;

/**
 * The offline store's behaviour on H2 and PostgreSQL (COPY and batched-upsert paths): idempotent,
 * all-or-nothing writes and reads in the order the point-in-time join needs.
 */
class JdbcOfflineStoreIT extends OfflineStoreTestBase {

  private static final OfflineTable AMOUNTS =
      new OfflineTable(
          name("txn_stats"),
          1,
          List.of(new JoinKey(name("customer_id"), FeatureType.INT64)),
          List.of(feature("amount", FeatureType.FLOAT64)));

  private static FeatureRow amount(long customer, Instant at, Double value) {
    return new FeatureRow(EntityKey.of(customer), at, new Object[] {value});
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void reSendingRowsNeverDuplicatesThemAndKeepsTheLaterValues(Backend backend) {
    OfflineStore store = open(backend, AMOUNTS);
    List<FeatureRow> first =
        IntStream.range(0, 12_000).mapToObj(i -> amount(i % 1000, t(i / 1000), 1.0 * i)).toList();
    List<Long> progress = new ArrayList<>();

    assertThat(store.write(AMOUNTS, first.iterator(), progress::add)).isEqualTo(12_000);
    assertThat(progress).contains(5_000L, 10_000L).last().isEqualTo(12_000L);
    assertThat(store.write(AMOUNTS, first.iterator(), n -> {})).isEqualTo(12_000);
    assertThat(store.count(AMOUNTS)).isEqualTo(12_000);

    List<FeatureRow> again =
        List.of(amount(7, t(3), -1.0), amount(7, t(3), -2.0), amount(7, t(99), 99.0));
    assertThat(store.write(AMOUNTS, again.iterator(), n -> {})).isEqualTo(3);

    assertThat(store.count(AMOUNTS)).isEqualTo(12_001);
    assertThat(
            show(
                readAll(
                    store.scanRange(
                        AMOUNTS, Set.of(EntityKey.of(7L)), Instant.MIN, t(99), RowFilter.ALL))))
        .contains("[7]@2026-01-01T03:00:00Z=[-2.0]", "[7]@2026-01-05T03:00:00Z=[99.0]")
        .hasSize(13);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aFailingUploadLeavesNothingWrittenAndTheCauseReachesTheCaller(Backend backend) {
    OfflineStore store = open(backend, AMOUNTS);
    store.write(AMOUNTS, List.of(amount(1, t(0), 1.0)).iterator(), n -> {});
    RowsRejectedException rejected =
        new RowsRejectedException(List.of(new RowProblem(11_001, "amount", "bad")), false);
    Iterator<FeatureRow> failsLate =
        new Iterator<>() {
          private int produced;

          @Override
          public boolean hasNext() {
            if (produced == 11_000) {
              throw rejected; // as the parser does at the end of a bad upload
            }
            return true;
          }

          @Override
          public FeatureRow next() {
            produced++;
            return amount(produced, t(1), 2.0);
          }
        };

    assertThatThrownBy(() -> store.write(AMOUNTS, failsLate, n -> {})).isSameAs(rejected);
    FeatureRow wrongShape = new FeatureRow(EntityKey.of(5L), t(1), new Object[] {1.0, 2.0});
    assertThatThrownBy(
            () ->
                store.write(
                    AMOUNTS,
                    List.of(amount(1, t(0), 9.0), amount(2, t(0), 9.0), wrongShape).iterator(),
                    n -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not fit fv_txn_stats_v1");

    assertThat(show(readAll(store.scan(AMOUNTS, t(100)))))
        .containsExactly("[1]@2026-01-01T00:00:00Z=[1.0]");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void scansComeGroupedByKeyInTimeOrderAndRangeScansFilterByKeyAndTime(Backend backend) {
    OfflineTable pairs =
        new OfflineTable(
            name("pair_stats"),
            2,
            List.of(
                new JoinKey(name("merchant"), FeatureType.STRING),
                new JoinKey(name("customer"), FeatureType.INT32)),
            List.of(feature("value", FeatureType.INT64)));
    OfflineStore store = open(backend, pairs);
    List<FeatureRow> rows = new ArrayList<>();
    for (String merchant : List.of("b", "a", "c")) {
      for (int customer = 3; customer >= 1; customer--) {
        for (int hour = 4; hour >= 0; hour--) {
          rows.add(new FeatureRow(EntityKey.of(merchant, customer), t(hour), new Object[] {1L}));
        }
      }
    }
    Collections.shuffle(rows, new Random(7));
    store.write(pairs, rows.iterator(), n -> {});

    List<Observation> all = readAll(store.scan(pairs, t(3)));
    assertThat(all).hasSize(36);
    for (int i = 1; i < all.size(); i++) {
      String previous = all.get(i - 1).key().toString();
      String current = all.get(i).key().toString();
      assertThat(previous.compareTo(current)).isLessThanOrEqualTo(0);
      if (previous.equals(current)) {
        assertThat(all.get(i).eventTime()).isAfter(all.get(i - 1).eventTime());
      }
    }
    List<Observation> some =
        readAll(
            store.scanRange(
                pairs,
                Set.of(EntityKey.of("c", 2), EntityKey.of("a", 3L), EntityKey.of("z", 1)),
                t(1),
                t(2),
                RowFilter.ALL));
    assertThat(show(some))
        .containsExactlyInAnyOrder(
            "[a, 3]@2026-01-01T01:00:00Z=[1]",
            "[a, 3]@2026-01-01T02:00:00Z=[1]",
            "[c, 2]@2026-01-01T01:00:00Z=[1]",
            "[c, 2]@2026-01-01T02:00:00Z=[1]");
    assertThat(show(readAll(store.scanRange(pairs, t(4), Instant.MAX, RowFilter.ALL))))
        .hasSize(9)
        .allMatch(row -> row.endsWith("T04:00:00Z=[1]"));
    assertThat(readAll(store.scanRange(pairs, Set.of(), Instant.MIN, t(9), RowFilter.ALL)))
        .isEmpty();
    RowFilter merchantAAtEvenHours =
        (key, time) -> key.values().getFirst().equals("a") && time.getEpochSecond() / 3600 % 2 == 0;
    assertThat(readAll(store.scanRange(pairs, Instant.MIN, Instant.MAX, merchantAAtEvenHours)))
        .hasSize(9)
        .allSatisfy(o -> assertThat(o.values()).containsExactly(1L));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void theAsOfJoinOverAScanIsPointInTimeCorrect(Backend backend) {
    OfflineStore store = open(backend, AMOUNTS);
    Instant late = t(5).plusNanos(1_000);
    store.write(
        AMOUNTS,
        List.of(
                amount(1, t(1), 1.0),
                amount(1, t(3), 3.0),
                amount(1, late, 5.0),
                amount(2, t(2), 20.0))
            .iterator(),
        n -> {});
    // A late correction re-sent for an existing moment replaces it.
    store.write(AMOUNTS, List.of(amount(1, t(3), 3.5)).iterator(), n -> {});
    Duration ttl = Duration.ofHours(10);
    List<Query> queries =
        List.of(
            new Query(EntityKey.of(1L), t(0)),
            new Query(EntityKey.of(1L), t(3)),
            new Query(EntityKey.of(1L), t(5)),
            new Query(EntityKey.of(1L), late),
            new Query(EntityKey.of(2L), t(12)),
            new Query(EntityKey.of(2L), t(12).plusNanos(1_000)),
            new Query(EntityKey.of(3L), t(12)));
    AsOfJoin join = new AsOfJoin(queries);

    Observation[] matches;
    try (CloseableIterator<Observation> history =
        store.scanRange(AMOUNTS, join.keys(), Instant.MIN, t(12), RowFilter.ALL)) {
      matches = join.join(history, ttl);
    }
    // The same join with the run as the store's filter, as training sets read.
    AsOfJoin.Run run = join.start(ttl);
    try (CloseableIterator<Observation> history =
        store.scanRange(AMOUNTS, Instant.MIN, t(12), run)) {
      history.forEachRemaining(run::accept);
    }
    assertThat(show(Arrays.asList(run.finish()))).isEqualTo(show(Arrays.asList(matches)));

    assertThat(Arrays.stream(matches).map(m -> m == null ? null : m.values()[0]))
        .containsExactly(null, 3.5, 3.5, 5.0, 20.0, null, null);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void latestPerEntityTakesTheNewestRowInAHalfOpenRange(Backend backend) {
    OfflineStore store = open(backend, AMOUNTS);
    store.write(
        AMOUNTS,
        List.of(
                amount(1, t(1), 1.0),
                amount(1, t(2), 2.0),
                amount(1, t(4), 4.0),
                amount(2, t(0), 20.0),
                amount(3, t(3), null))
            .iterator(),
        n -> {});

    assertThat(show(readAll(store.latestPerEntity(AMOUNTS, t(1), t(4)))))
        .containsExactly("[1]@2026-01-01T02:00:00Z=[2.0]", "[3]@2026-01-01T03:00:00Z=[null]");
    assertThat(show(readAll(store.latestPerEntity(AMOUNTS, Instant.MIN, Instant.MAX))))
        .containsExactly(
            "[1]@2026-01-01T04:00:00Z=[4.0]",
            "[2]@2026-01-01T00:00:00Z=[20.0]",
            "[3]@2026-01-01T03:00:00Z=[null]");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aViewVersionNeverWrittenReadsAsEmptyAndCursorsCloseCleanly(Backend backend) {
    OfflineStore store = open(backend);
    OfflineTable v2 = new OfflineTable(AMOUNTS.view(), 2, AMOUNTS.joinKeys(), AMOUNTS.features());

    assertThat(store.count(v2)).isZero();
    assertThat(readAll(store.scan(v2, Instant.MAX))).isEmpty();
    assertThat(readAll(store.latestPerEntity(v2, t(0), t(1)))).isEmpty();
    assertThat(readAll(store.scanRange(v2, Instant.MIN, Instant.MAX, RowFilter.ALL))).isEmpty();

    store.ensureTable(v2);
    store.write(
        v2, IntStream.range(0, 5_000).mapToObj(i -> amount(i, t(0), 1.0)).iterator(), n -> {});
    CloseableIterator<Observation> cursor = store.scan(v2, t(0));
    assertThat(cursor.next().key()).isEqualTo(EntityKey.of(0L));
    cursor.close(); // early, with rows left on the server
    cursor.close();
    try (var stream = store.scan(v2, t(0)).stream()) {
      assertThat(stream.limit(3).count()).isEqualTo(3);
    }
    CloseableIterator<Observation> range = store.scanRange(v2, t(0), t(0), RowFilter.ALL);
    assertThat(range.hasNext()).isTrue();
    range.close(); // a COPY on PostgreSQL, cancelled with rows left
    range.close();
    assertThat(readAll(store.scanRange(v2, t(0), t(0), RowFilter.ALL))).hasSize(5_000);
    assertThat(store.count(v2)).isEqualTo(5_000);
  }
}
