package org.mlplatform.persistence.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.JoinKey;
import org.mlplatform.domain.features.offline.FeatureRow;
import org.mlplatform.domain.features.offline.OfflineTable;
import org.mlplatform.domain.features.online.CachedOnlineStore;
import org.mlplatform.domain.features.online.OnlineCache;
import org.mlplatform.persistence.TestDatabase;

/**
 * The online store on H2 and PostgreSQL, fed from the offline store's latest-per-entity scan:
 * lookups, values that never move back in time, every type, chunked lookups, the cache in front.
 */
class JdbcOnlineStoreIT extends OnlineStoreTestBase {

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void materialisesTheLatestRowPerEntityAndLooksUpPresentAndMissingKeys(TestDatabase.Kind kind) {
    open(kind, AMOUNTS);
    ingest(
        AMOUNTS,
        amount(1, t(1), 10.0, "FR"),
        amount(1, t(3), 30.0, "FR"),
        amount(2, t(2), 20.0, null),
        amount(3, t(9), 90.0, "IT"));

    assertThat(materialize(AMOUNTS, Instant.MIN, t(5))).isEqualTo(2);
    Map<EntityKey, Observation> found =
        online.lookup(AMOUNTS, List.of(key(1L), key(2L), key(3L), key(4L), key(1L)));

    assertThat(found).containsOnlyKeys(key(1L), key(2L));
    assertThat(found.get(key(1L)).eventTime()).isEqualTo(t(3));
    assertThat(valuesOf(found, key(1L))).containsExactly(30.0, "FR");
    assertThat(valuesOf(found, key(2L))).containsExactly(20.0, null);
    assertThat(online.count(AMOUNTS)).isEqualTo(2);
    assertThat(JdbcOnlineStore.tableName(AMOUNTS)).isEqualTo("ol_txn_stats_v1");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void looksUpCompositeKeysByEveryPart(TestDatabase.Kind kind) {
    open(kind, PAIRS);
    ingest(
        PAIRS,
        new FeatureRow(key(1L, "shop"), t(1), new Object[] {5}),
        new FeatureRow(key(1L, "cafe"), t(1), new Object[] {7}),
        new FeatureRow(key(2L, "shop"), t(2), new Object[] {null}));
    materialize(PAIRS, Instant.MIN, Instant.MAX);

    Map<EntityKey, Observation> found =
        online.lookup(
            PAIRS, List.of(key(1L, "shop"), key(2L, "cafe"), key(2L, "shop"), key(3L, "shop")));

    assertThat(found).containsOnlyKeys(key(1L, "shop"), key(2L, "shop"));
    assertThat(valuesOf(found, key(1L, "shop"))).containsExactly(5);
    assertThat(valuesOf(found, key(2L, "shop"))).containsExactly((Object) null);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void olderRunsNeverOverwriteNewerValuesButEqualTimesTakeCorrections(TestDatabase.Kind kind) {
    open(kind, AMOUNTS);
    ingest(
        AMOUNTS, amount(1, t(1), 1.0, "A"), amount(1, t(8), 8.0, "B"), amount(2, t(1), 2.0, "C"));
    materialize(AMOUNTS, t(0), t(10));

    materialize(AMOUNTS, t(0), t(5)); // an older range, run later
    materialize(AMOUNTS, t(0), t(10)); // the same range again

    Map<EntityKey, Observation> found = online.lookup(AMOUNTS, List.of(key(1L), key(2L)));
    assertThat(found.get(key(1L)).eventTime()).isEqualTo(t(8));
    assertThat(valuesOf(found, key(1L))).containsExactly(8.0, "B");

    ingest(AMOUNTS, amount(2, t(1), 2.5, null)); // a corrected row at the same event time
    online.materialize(
        AMOUNTS,
        List.of(
                new Observation(key(2L), t(1), new Object[] {2.5, null}),
                new Observation(key(1L), t(7), new Object[] {7.0, "old"}))
            .iterator());
    found = online.lookup(AMOUNTS, List.of(key(1L), key(2L)));
    assertThat(valuesOf(found, key(2L))).containsExactly(2.5, null);
    assertThat(valuesOf(found, key(1L))).containsExactly(8.0, "B");
    assertThat(online.count(AMOUNTS)).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void allSevenTypesAndNullsRoundTrip(TestDatabase.Kind kind) {
    OfflineTable everything =
        new OfflineTable(
            name("everything"),
            1,
            List.of(new JoinKey(name("id"), FeatureType.STRING)),
            List.of(
                feature("i32", FeatureType.INT32),
                feature("i64", FeatureType.INT64),
                feature("f32", FeatureType.FLOAT32),
                feature("f64", FeatureType.FLOAT64),
                feature("text", FeatureType.STRING),
                feature("flag", FeatureType.BOOL),
                feature("at", FeatureType.TIMESTAMP)));
    open(kind, everything);
    List<FeatureRow> rows =
        List.of(
            new FeatureRow(
                key("a\tb\\c"),
                t(0),
                new Object[] {
                  Integer.MAX_VALUE,
                  Long.MAX_VALUE,
                  0.1f,
                  0.1,
                  "tab\there ü 😀",
                  true,
                  Instant.parse("1969-07-20T20:17:40.123456Z")
                }),
            new FeatureRow(
                key("b"),
                Instant.parse("2026-01-01T00:00:00.000001Z"),
                new Object[] {
                  Integer.MIN_VALUE, Long.MIN_VALUE, Float.NaN, -Double.MIN_VALUE, "", false, t(-1)
                }),
            new FeatureRow(key("c"), t(0), new Object[7]));
    offline.write(everything, rows.iterator(), n -> {});
    materialize(everything, Instant.MIN, Instant.MAX);

    Map<EntityKey, Observation> found =
        online.lookup(everything, rows.stream().map(FeatureRow::key).toList());

    assertThat(found).hasSize(3);
    for (FeatureRow row : rows) {
      assertThat(found.get(row.key()).values()).containsExactly(row.values());
      assertThat(found.get(row.key()).eventTime()).isEqualTo(row.eventTime());
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void looksUpTwelveHundredKeysAtOnceInChunks(TestDatabase.Kind kind) {
    open(kind, AMOUNTS, PAIRS);
    List<FeatureRow> amounts = new ArrayList<>();
    List<FeatureRow> pairs = new ArrayList<>();
    for (long id = 0; id < 1_500; id++) {
      amounts.add(amount(id, t(1), (double) id, null));
      pairs.add(new FeatureRow(key(id, "m" + id % 7), t(1), new Object[] {(int) id}));
    }
    offline.write(AMOUNTS, amounts.iterator(), n -> {});
    offline.write(PAIRS, pairs.iterator(), n -> {});
    materialize(AMOUNTS, Instant.MIN, Instant.MAX);
    materialize(PAIRS, Instant.MIN, Instant.MAX);

    // 1,100 stored entities and 100 unknown ones: three queries of at most 500 keys.
    List<EntityKey> single = LongStream.range(400, 1_600).mapToObj(id -> key(id)).toList();
    List<EntityKey> composite =
        LongStream.range(400, 1_600).mapToObj(id -> key(id, "m" + id % 7)).toList();
    Map<EntityKey, Observation> singles = online.lookup(AMOUNTS, single);
    Map<EntityKey, Observation> composites = online.lookup(PAIRS, composite);

    assertThat(singles).hasSize(1_100);
    assertThat(singles)
        .allSatisfy(
            (k, v) ->
                assertThat(v.values()[0]).isEqualTo(((Long) k.values().getFirst()).doubleValue()));
    assertThat(composites).hasSize(1_100);
    assertThat(composites).allSatisfy((k, v) -> assertThat(v.key()).isEqualTo(k));
    assertThat(JdbcOnlineStore.padded(1)).isEqualTo(1);
    assertThat(JdbcOnlineStore.padded(3)).isEqualTo(4);
    assertThat(JdbcOnlineStore.padded(200)).isEqualTo(256);
    assertThat(JdbcOnlineStore.padded(300)).isEqualTo(500);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aViewNeverMaterialisedHasNoRowsRatherThanAnError(TestDatabase.Kind kind) {
    open(kind);

    assertThat(online.lookup(AMOUNTS, List.of(key(1L)))).isEmpty();
    assertThat(online.count(AMOUNTS)).isZero();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aFailingRunWritesNothingAndTheCauseReachesTheCaller(TestDatabase.Kind kind) {
    open(kind, AMOUNTS);
    IllegalStateException cause = new IllegalStateException("offline read broke");
    Iterator<Observation> failsLate =
        new Iterator<>() {
          private long produced;

          @Override
          public boolean hasNext() {
            return true;
          }

          @Override
          public Observation next() {
            if (produced == 2_500) {
              throw cause;
            }
            return new Observation(key(produced++), t(1), new Object[] {1.0, "x"});
          }
        };

    assertThatThrownBy(() -> online.materialize(AMOUNTS, failsLate)).isSameAs(cause);
    assertThat(online.count(AMOUNTS)).isZero();
    assertThatThrownBy(
            () ->
                online.materialize(
                    AMOUNTS,
                    List.of(new Observation(key(1L), t(1), new Object[] {1.0})).iterator()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not fit ol_txn_stats_v1");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void theCacheInFrontServesRepeatsAndSeesTheNextMaterialisation(TestDatabase.Kind kind) {
    open(kind, AMOUNTS);
    CachedOnlineStore cached = new CachedOnlineStore(online, new OnlineCache(1_000));
    ingest(AMOUNTS, amount(1, t(1), 1.0, "A"));
    online = cached; // materialise through the cache from now on
    materialize(AMOUNTS, Instant.MIN, Instant.MAX);
    assertThat(valuesOf(cached.lookup(AMOUNTS, List.of(key(1L), key(2L))), key(1L)))
        .containsExactly(1.0, "A");

    ingest(AMOUNTS, amount(1, t(2), 2.0, "B"), amount(2, t(2), 3.0, "C"));
    materialize(AMOUNTS, Instant.MIN, Instant.MAX);
    Map<EntityKey, Observation> after = cached.lookup(AMOUNTS, List.of(key(1L), key(2L)));

    assertThat(valuesOf(after, key(1L))).containsExactly(2.0, "B");
    assertThat(valuesOf(after, key(2L))).containsExactly(3.0, "C");
    assertThat(cached.cache().hits()).isZero();
    cached.lookup(AMOUNTS, List.of(key(1L), key(2L)));
    assertThat(cached.cache().hits()).isEqualTo(2);
  }
}
