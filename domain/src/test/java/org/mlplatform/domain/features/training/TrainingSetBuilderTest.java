package org.mlplatform.domain.features.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.DerivedFeatureDefinition;
import org.mlplatform.domain.features.EntityDefinition;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.FeatureDefinition;
import org.mlplatform.domain.features.FeatureRef;
import org.mlplatform.domain.features.FeatureRegistry;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.features.InMemoryFeatureCatalog;
import org.mlplatform.domain.features.JoinKey;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.features.ingest.EntityRowsReader;
import org.mlplatform.domain.features.ingest.RowsRejectedException;
import org.mlplatform.domain.features.ingest.TrainingSetCsvReader;
import org.mlplatform.domain.features.offline.FeatureRow;
import org.mlplatform.domain.features.offline.OfflineStore;
import org.mlplatform.domain.features.offline.OfflineStoreException;
import org.mlplatform.domain.features.offline.OfflineTable;
import org.mlplatform.domain.features.training.TrainingColumn.Role;

/**
 * Point-in-time correctness of whole training sets: several views over different entities, TTL
 * boundaries, equal timestamps, missing entities, late and re-sent rows, derived features and the
 * entity rows' own columns.
 */
class TrainingSetBuilderTest {

  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  private final InMemoryFeatureCatalog catalog = new InMemoryFeatureCatalog();
  private final FeatureRegistry registry = new FeatureRegistry(catalog);
  private final InMemoryOfflineStore store = new InMemoryOfflineStore();

  private static Instant h(int hours) {
    return T0.plus(Duration.ofHours(hours));
  }

  private static ResourceName n(String name) {
    return new ResourceName(name);
  }

  private static FeatureDefinition f(String name, FeatureType type) {
    return new FeatureDefinition(n(name), type, "");
  }

  @BeforeEach
  void define() {
    registry.createEntity(
        new EntityDefinition(
            n("customer"), List.of(new JoinKey(n("customer_id"), FeatureType.INT64)), ""));
    registry.createEntity(
        new EntityDefinition(
            n("merchant"), List.of(new JoinKey(n("merchant_id"), FeatureType.STRING)), ""));
    registry.createView(
        new FeatureViewDefinition(
            n("spend"),
            1,
            List.of(n("customer")),
            List.of(f("avg_amount", FeatureType.FLOAT64), f("txn_count", FeatureType.INT32)),
            Duration.ofHours(10),
            "alice",
            Set.of(),
            "",
            List.of(
                new DerivedFeatureDefinition(
                    n("amount_ratio"), "amount / avg_amount", null, "this payment vs usual"),
                new DerivedFeatureDefinition(
                    n("night"), "hour_of_day(paid_at) < 6", null, "paid at night")),
            List.of(f("amount", FeatureType.FLOAT64), f("paid_at", FeatureType.TIMESTAMP))));
    registry.createView(
        new FeatureViewDefinition(
            n("risk"),
            1,
            List.of(n("merchant")),
            List.of(f("score", FeatureType.FLOAT32)),
            Duration.ZERO,
            "alice",
            Set.of(),
            ""));
  }

  private void spend(long customer, Instant at, double avg, Integer count) {
    write("spend", EntityKey.of(customer), at, avg, count);
  }

  private void risk(String merchant, Instant at, float score) {
    write("risk", EntityKey.of(merchant), at, score);
  }

  private void write(String view, EntityKey key, Instant at, Object... values) {
    FeatureViewDefinition definition = registry.latestView(n(view));
    OfflineTable table =
        OfflineTable.of(definition, definition.entities().stream().map(registry::entity).toList());
    store.write(table, List.of(new FeatureRow(key, at, values)).iterator(), done -> {});
  }

  private List<Object[]> build(EntityRows rows, String... features) {
    TrainingSetPlan plan =
        TrainingSetPlan.of(
            Arrays.stream(features).map(r -> FeatureRef.parse("features", r)).toList(), registry);
    List<Object[]> out = new ArrayList<>();
    List<TrainingColumn> columns =
        new TrainingSetBuilder(store)
            .build(
                plan,
                rows,
                new TrainingSetSink() {
                  @Override
                  public void start(List<TrainingColumn> c) {}

                  @Override
                  public void row(Object[] values) {
                    out.add(values);
                  }
                },
                share -> {});
    this.columns = columns;
    return out;
  }

  private List<TrainingColumn> columns;

  private static EntityRows csv(String text) {
    return new EntityRowsReader(1000).fromCsv(new StringReader(text));
  }

  @Test
  void takesTheLatestValueAtOrBeforeEachRowAndNeverOneFromTheFuture() {
    spend(1, h(1), 10.0, 1);
    spend(1, h(3), 30.0, 3);
    spend(1, h(5), 50.0, 5);

    List<Object[]> rows =
        build(
            csv(
                """
                event_timestamp,customer_id,label
                2026-03-01T00:30:00Z,1,0
                2026-03-01T03:00:00Z,1,1
                2026-03-01T04:59:59Z,1,0
                2026-03-01T05:00:00Z,1,1
                """),
            "spend:avg_amount");

    assertThat(rows).extracting(r -> r[3]).containsExactly(null, 30.0, 30.0, 50.0);
    assertThat(rows).extracting(r -> r[2]).containsExactly(0L, 1L, 0L, 1L); // label passes through
    assertThat(columns)
        .extracting(TrainingColumn::name)
        .containsExactly("event_timestamp", "customer_id", "label", "spend__avg_amount");
    assertThat(columns.get(2).role()).isEqualTo(Role.PASSTHROUGH);
    assertThat(columns.get(2).type()).isEqualTo(FeatureType.INT64);
  }

  @Test
  void theTtlBoundaryIsInclusive() {
    spend(1, h(0), 10.0, 1);

    List<Object[]> rows =
        build(
            csv(
                """
                event_timestamp,customer_id
                2026-03-01T10:00:00Z,1
                2026-03-01T10:00:00.000001Z,1
                """),
            "spend:avg_amount");

    assertThat(rows).extracting(r -> r[2]).containsExactly(10.0, null);
  }

  @Test
  void viewsOverDifferentEntitiesJoinIndependentlyAndMissingEntitiesGiveNull() {
    spend(1, h(1), 10.0, 1);
    risk("m1", h(2), 0.5f);
    risk("m1", h(100), 0.9f); // no TTL on risk: an old value stays valid

    List<Object[]> rows =
        build(
            csv(
                """
                event_timestamp,customer_id,merchant_id
                2026-03-01T03:00:00Z,1,m1
                2026-03-01T03:00:00Z,2,m1
                2026-03-20T00:00:00Z,1,m2
                2026-03-20T00:00:00Z,1,m1
                """),
            "risk:score",
            "spend:txn_count");

    assertThat(rows).extracting(r -> r[3]).containsExactly(0.5f, 0.5f, null, 0.9f);
    assertThat(rows).extracting(r -> r[4]).containsExactly(1, null, null, null);
  }

  @Test
  void equalTimestampsMatchAndLateOrResentRowsAreSeenOnce() {
    spend(1, h(2), 20.0, 2);
    spend(1, h(2), 21.0, 2); // re-sent with a correction: replaces, never duplicates
    List<Object[]> before =
        build(csv("event_timestamp,customer_id\n2026-03-01T04:00:00Z,1\n"), "spend:avg_amount");

    spend(1, h(3), 30.0, 3); // arrives late, but its event time is before the row's moment
    List<Object[]> after =
        build(csv("event_timestamp,customer_id\n2026-03-01T04:00:00Z,1\n"), "spend:avg_amount");

    assertThat(before).extracting(r -> r[2]).containsExactly(21.0);
    assertThat(after).extracting(r -> r[2]).containsExactly(30.0);
    assertThat(
            build(csv("event_timestamp,customer_id\n2026-03-01T02:00:00Z,1\n"), "spend:avg_amount"))
        .extracting(r -> r[2])
        .containsExactly(21.0);
  }

  @Test
  void derivedFeaturesUseTheJoinedValuesAndTheRowsRequestData() {
    spend(1, h(1), 40.0, 4);

    List<Object[]> rows =
        build(
            csv(
                """
                event_timestamp,customer_id,amount,paid_at
                2026-03-01T02:00:00Z,1,100,2026-03-01T02:00:00Z
                2026-03-01T02:00:00Z,1,10,2026-03-01T13:00:00Z
                2026-03-01T02:00:00Z,2,10,2026-03-01T13:00:00Z
                """),
            "spend:amount_ratio",
            "spend:night");

    assertThat(rows).extracting(r -> r[4]).containsExactly(2.5, 0.25, null);
    assertThat(rows).extracting(r -> r[5]).containsExactly(true, false, false);
    assertThat(columns.get(4).type()).isEqualTo(FeatureType.FLOAT64);
    assertThat(columns.get(5).type()).isEqualTo(FeatureType.BOOL);
  }

  @Test
  void missingColumnsAndBadKeysAreRefusedBeforeAnythingIsBuilt() {
    assertThatThrownBy(
            () ->
                build(
                    csv("event_timestamp,merchant_id\n2026-03-01T00:00:00Z,m\n"),
                    "spend:avg_amount"))
        .isInstanceOf(DomainValidationException.class)
        .hasMessageContaining("need a column customer_id (INT64), a join key of spend");
    assertThatThrownBy(
            () ->
                build(
                    csv("event_timestamp,customer_id\n2026-03-01T00:00:00Z,1\n"),
                    "spend:amount_ratio"))
        .hasMessageContaining("need a column amount (FLOAT64), request data");
    assertThatThrownBy(
            () ->
                build(
                    csv(
                        "event_timestamp,customer_id\n2026-03-01T00:00:00Z,x\n2026-03-01T00:00:00Z,\n"),
                    "spend:avg_amount"))
        .isInstanceOfSatisfying(
            RowsRejectedException.class,
            e ->
                assertThat(e.problems())
                    .extracting(p -> p.rowNumber() + ":" + p.column())
                    .containsExactly("1:customer_id", "2:customer_id"));
    assertThatThrownBy(
            () -> build(csv("event_timestamp,customer_id\n2026-03-01T00:00:00Z,1\n"), "spend:nope"))
        .hasMessageContaining("has no feature nope");
    assertThatThrownBy(
            () ->
                build(
                    csv(
                        "event_timestamp,customer_id,spend__avg_amount\n2026-03-01T00:00:00Z,1,3\n"),
                    "spend:avg_amount"))
        .hasMessageContaining("clashes with the feature column");
  }

  @Test
  void theCsvFileReadsBackToTheSameTypedValues() {
    spend(1, h(1), 0.1, 7);
    risk("m,\"1\"", h(1), 1.5f);
    EntityRows rows =
        new EntityRowsReader(10)
            .fromMaps(
                List.of(
                    Map.of(
                        "event_timestamp", "2026-03-01T02:00:00Z",
                        "customer_id", 1,
                        "merchant_id", "m,\"1\"",
                        "note", "")));
    List<Object[]> built = build(rows, "spend:avg_amount", "spend:txn_count", "risk:score");
    StringWriter file = new StringWriter();
    CsvTrainingSetWriter writer = new CsvTrainingSetWriter(file);
    writer.start(columns);
    built.forEach(writer::row);

    TrainingSetCsvReader reader =
        new TrainingSetCsvReader(new StringReader(file.toString()), columns);

    assertThat(reader.next()).containsExactly(built.getFirst());
    assertThat(reader.next()).isNull();
  }

  @Test
  void derivedFeaturesAgreeBetweenTrainingSetsAndOnlineLookups() {
    spend(1, h(1), 40.0, 4);
    spend(2, h(1), 0.0, 0); // division by zero: null in both
    List<Object[]> training =
        build(
            csv(
                """
                event_timestamp,customer_id,amount,paid_at
                2026-03-01T02:00:00Z,1,100,2026-03-01T02:00:00Z
                2026-03-01T02:00:00Z,2,5,2026-03-01T23:00:00Z
                2026-03-01T02:00:00Z,3,5,2026-03-01T23:00:00Z
                """),
            "spend:amount_ratio",
            "spend:night");

    FeatureViewDefinition view = registry.latestView(n("spend"));
    List<EntityKey> keys = List.of(EntityKey.of(1L), EntityKey.of(2L), EntityKey.of(3L));
    Map<EntityKey, org.mlplatform.domain.features.AsOfJoin.Observation> online =
        Map.of(
            keys.get(0), new FeatureRow(keys.get(0), h(1), new Object[] {40.0, 4}).toObservation(),
            keys.get(1), new FeatureRow(keys.get(1), h(1), new Object[] {0.0, 0}).toObservation());
    List<Map<String, Object>> request =
        List.of(
            Map.of("amount", 100.0, "paid_at", Instant.parse("2026-03-01T02:00:00Z")),
            Map.of("amount", 5.0, "paid_at", Instant.parse("2026-03-01T23:00:00Z")),
            Map.of("amount", 5.0, "paid_at", Instant.parse("2026-03-01T23:00:00Z")));
    var derived = org.mlplatform.domain.features.DerivedFeatures.of(view);
    var columns =
        org.mlplatform.domain.features.online.OnlineLookup.resolveDerived(
            view,
            derived,
            new int[] {0, 1},
            keys,
            online,
            request.stream().<java.util.function.Function<String, Object>>map(m -> m::get).toList(),
            h(2));

    assertThat(columns.get(0).values()).containsExactly(training.stream().map(r -> r[4]).toArray());
    assertThat(columns.get(1).values()).containsExactly(training.stream().map(r -> r[5]).toArray());
    assertThat(columns.get(0).statuses())
        .extracting(Enum::name)
        .containsExactly("PRESENT", "NULL_VALUE", "NOT_FOUND");
  }

  @Test
  void readingTheViewsConcurrentlyGivesTheSameRowsAndProgress() throws Exception {
    EntityRows rows = randomHistory(new Random(7), 200, "", "");
    TrainingSetPlan plan =
        TrainingSetPlan.of(
            List.of(
                FeatureRef.parse("f", "spend:avg_amount"),
                FeatureRef.parse("f", "risk:score"),
                FeatureRef.parse("f", "spend:txn_count")),
            registry);
    List<Object[]> oneThread = new ArrayList<>();
    List<Double> oneThreadProgress = new ArrayList<>();
    new TrainingSetBuilder(store).build(plan, rows, collect(oneThread), oneThreadProgress::add);

    ExecutorService executor = Executors.newFixedThreadPool(2);
    try {
      List<Object[]> concurrent = new ArrayList<>();
      List<Double> concurrentProgress = new ArrayList<>();
      new TrainingSetBuilder(store, 0, executor)
          .build(plan, rows, collect(concurrent), concurrentProgress::add);

      assertThat(concurrent).hasSameSizeAs(oneThread);
      for (int i = 0; i < oneThread.size(); i++) {
        assertThat(concurrent.get(i)).as("row %d", i).containsExactly(oneThread.get(i));
      }
      assertThat(oneThread).anyMatch(r -> r[3] != null).anyMatch(r -> r[3] == null);
      assertThat(concurrentProgress).isEqualTo(oneThreadProgress);

      OfflineStore failing = // every scan fails, as with the database gone
          (OfflineStore)
              Proxy.newProxyInstance(
                  OfflineStore.class.getClassLoader(),
                  new Class<?>[] {OfflineStore.class},
                  (proxy, method, args) -> {
                    throw new OfflineStoreException("reading the offline store failed", null);
                  });
      assertThatThrownBy(
              () ->
                  new TrainingSetBuilder(failing, 0, executor)
                      .build(plan, rows, collect(new ArrayList<>()), share -> {}))
          .isInstanceOf(OfflineStoreException.class)
          .hasMessageContaining("failed");
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void aStoresIndexIsLookedUpInsteadOfScannedWithTheSameRows() {
    EntityRows rows =
        randomHistory(new Random(11), 300, ",amount,paid_at", ",1.5,2026-03-01T03:00:00Z");
    TrainingSetPlan plan =
        TrainingSetPlan.of(
            List.of(
                FeatureRef.parse("f", "spend:avg_amount"),
                FeatureRef.parse("f", "spend:amount_ratio"),
                FeatureRef.parse("f", "risk:score")),
            registry);
    List<Object[]> scanned = new ArrayList<>();
    new TrainingSetBuilder(store, 0).build(plan, rows, collect(scanned), share -> {});
    store.indexing();
    store.historyAsked.clear();
    int scansBefore = store.scans;

    List<Object[]> keyed = new ArrayList<>(); // few keys: only an index already made is used
    new TrainingSetBuilder(store, Integer.MAX_VALUE).build(plan, rows, collect(keyed), s -> {});
    assertThat(store.historyAsked).containsExactly(false, false);
    assertThat(store.scans).isEqualTo(scansBefore + 2);

    List<Object[]> looked = new ArrayList<>(); // a whole-table read: the index is made instead
    new TrainingSetBuilder(store, 0).build(plan, rows, collect(looked), share -> {});
    assertThat(store.historyAsked).containsExactly(false, false, true, true);
    assertThat(store.scans).isEqualTo(scansBefore + 2);
    List<Object[]> lookedAgain = new ArrayList<>();
    new TrainingSetBuilder(store, Integer.MAX_VALUE)
        .build(plan, rows, collect(lookedAgain), s -> {});
    assertThat(store.scans).isEqualTo(scansBefore + 2);

    assertThat(scanned).anyMatch(r -> r[5] != null).anyMatch(r -> r[5] == null);
    assertThat(scanned).anyMatch(r -> r[7] != null);
    for (List<Object[]> other : List.of(keyed, looked, lookedAgain)) {
      assertThat(other).hasSameSizeAs(scanned);
      for (int i = 0; i < scanned.size(); i++) {
        assertThat(other.get(i)).as("row %d", i).containsExactly(scanned.get(i));
      }
    }
  }

  /**
   * Writes {@code count} random rows into each view and returns as many random entity rows, with
   * extra columns after the keys.
   */
  private EntityRows randomHistory(Random random, int count, String extraHeader, String extra) {
    StringBuilder entityRows =
        new StringBuilder("event_timestamp,customer_id,merchant_id" + extraHeader + "\n");
    for (int i = 0; i < count; i++) {
      spend(random.nextInt(20), h(random.nextInt(100)), random.nextDouble(), random.nextInt(9));
      risk("m" + random.nextInt(5), h(random.nextInt(100)), random.nextFloat());
      entityRows
          .append(h(random.nextInt(110)))
          .append(',')
          .append(random.nextInt(22))
          .append(",m")
          .append(random.nextInt(6))
          .append(extra)
          .append('\n');
    }
    return csv(entityRows.toString());
  }

  private static TrainingSetSink collect(List<Object[]> out) {
    return new TrainingSetSink() {
      @Override
      public void start(List<TrainingColumn> c) {}

      @Override
      public void row(Object[] values) {
        out.add(values);
      }
    };
  }
}
