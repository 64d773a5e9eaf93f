package org.mlplatform.persistence.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.serving.PredictionLogException;
import org.mlplatform.domain.serving.PredictionLogStore;
import org.mlplatform.domain.serving.PredictionRecord;
import org.mlplatform.domain.serving.TrafficBucket;
import org.mlplatform.persistence.TestDatabase;
import org.mlplatform.persistence.migration.SchemaMigrator;

/** The prediction log on the migrated schema, H2 and PostgreSQL. */
class JdbcPredictionLogStoreIT {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private TestDatabase db;

  private PredictionLogStore open(TestDatabase.Kind kind) {
    db = TestDatabase.create(kind);
    new SchemaMigrator(db.dataSource()).migrate();
    return new JdbcPredictionLogStore(db.dataSource());
  }

  @AfterEach
  void dropDatabase() {
    if (db != null) {
      db.close();
    }
  }

  /** Record {@code i}: odd ones belong to churn, one millisecond and a few microseconds apart. */
  private static PredictionRecord record(int i) {
    return new PredictionRecord(
        UUID.randomUUID(),
        T0.plusMillis(i).plusNanos(1_000L * (i % 7)),
        i % 2 == 0 ? "fraud" : "churn",
        1 + i % 3,
        PredictionRecord.ROUTES.stream().sorted().toList().get(i % 3),
        i % 5 == 0 ? null : "req-" + i,
        "{\"amount\":" + i + ",\"note\":\"ünïcode \\\"quoted\\\"\"}",
        "{\"fraud\":" + (i / 1000.0) + "}",
        100L + i);
  }

  private static List<PredictionRecord> records(int from, int to) {
    List<PredictionRecord> records = new ArrayList<>();
    for (int i = from; i < to; i++) {
      records.add(record(i));
    }
    return records;
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void reAppendingABatchAddsNothingAndAMixedBatchAddsOnlyTheNewRecords(TestDatabase.Kind kind) {
    PredictionLogStore log = open(kind);
    List<PredictionRecord> thousand = records(0, 1_000);

    log.append(thousand);
    log.append(thousand);
    log.append(List.of());

    assertThat(log.count("fraud")).isEqualTo(500);
    assertThat(log.count("churn")).isEqualTo(500);
    assertThat(log.count("other")).isZero();

    List<PredictionRecord> mixed =
        Stream.concat(thousand.subList(0, 10).stream(), records(1_000, 1_004).stream()).toList();
    List<PredictionRecord> withRepeats = new ArrayList<>(mixed);
    withRepeats.add(mixed.getLast()); // the same new id twice in one batch
    log.append(withRepeats);

    assertThat(log.count("fraud")).isEqualTo(502);
    assertThat(log.count("churn")).isEqualTo(502);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void recentReturnsTheNewestFirstWithEveryFieldIntact(TestDatabase.Kind kind) {
    PredictionLogStore log = open(kind);
    List<PredictionRecord> thousand = records(0, 1_000);
    log.append(thousand.reversed());

    assertThat(log.recent("fraud", 3))
        .containsExactly(thousand.get(998), thousand.get(996), thousand.get(994));
    assertThat(log.recent("churn", 10_000))
        .hasSize(500)
        .isSortedAccordingTo((a, b) -> b.at().compareTo(a.at()))
        .contains(thousand.get(5)); // a null request id
    assertThat(log.recent("other", 10)).isEmpty();
    assertThatThrownBy(() -> log.recent("fraud", 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void deleteOlderThanDeletesBeforeTheCutoffOnly(TestDatabase.Kind kind) {
    PredictionLogStore log = open(kind);
    List<PredictionRecord> hundred = records(0, 100);
    log.append(hundred);

    Instant cutoff = hundred.get(40).at();
    assertThat(log.deleteOlderThan(cutoff)).isEqualTo(40);
    assertThat(log.deleteOlderThan(cutoff)).isZero();

    assertThat(log.count("fraud") + log.count("churn")).isEqualTo(60);
    assertThat(log.recent("fraud", 100).getLast()).isEqualTo(hundred.get(40));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aBatchThatFailsPartWayLeavesNothingBehind(TestDatabase.Kind kind) throws Exception {
    PredictionLogStore log = open(kind);
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      // Refuses record 900 and later: the failure comes in the second JDBC batch.
      s.execute(
          "ALTER TABLE prediction_log ADD CONSTRAINT test_refuse CHECK (latency_micros < 1000)");
    }
    List<PredictionRecord> thousand = records(0, 1_000);

    assertThatThrownBy(() -> log.append(thousand))
        .isInstanceOf(PredictionLogException.class)
        .hasMessageContaining("appending 1000 predictions failed");

    assertThat(log.count("fraud") + log.count("churn")).isZero();
    log.append(thousand.subList(0, 900));
    assertThat(log.count("fraud") + log.count("churn")).isEqualTo(900);
  }

  private static PredictionRecord at(Instant at, String model, String route, long latencyMicros) {
    return new PredictionRecord(
        UUID.randomUUID(), at, model, 1, route, null, "{}", "{\"y\":1}", latencyMicros);
  }

  private static List<PredictionRecord> scanAll(
      PredictionLogStore log, String model, Instant from, Instant to, int limit) {
    List<PredictionRecord> found = new ArrayList<>();
    long passed = log.scan(model, from, to, limit, found::add);
    assertThat(passed).isEqualTo(found.size());
    return found;
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void scanReadsTheWindowNewestFirstFromInclusiveToExclusive(TestDatabase.Kind kind) {
    PredictionLogStore log = open(kind);
    List<PredictionRecord> fraud = new ArrayList<>();
    for (int s = 0; s < 30; s++) {
      fraud.add(at(T0.plusSeconds(s), "fraud", PredictionRecord.PRIMARY, s));
    }
    log.append(fraud.reversed());
    log.append(List.of(at(T0.plusSeconds(15), "churn", PredictionRecord.PRIMARY, 1)));
    Instant from = T0.plusSeconds(10);
    Instant to = T0.plusSeconds(20);

    assertThat(scanAll(log, "fraud", from, to, 100))
        .containsExactlyElementsOf(fraud.subList(10, 20).reversed());
    assertThat(scanAll(log, "fraud", from, to, 3))
        .containsExactly(fraud.get(19), fraud.get(18), fraud.get(17));
    assertThat(scanAll(log, "fraud", from, from.plusNanos(1_000), 10))
        .containsExactly(fraud.get(10));
    assertThat(scanAll(log, "fraud", to, to, 10)).isEmpty();
    assertThat(scanAll(log, "other", from, to, 10)).isEmpty();
    assertThatThrownBy(() -> log.scan("fraud", from, to, 0, r -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void scanStreamsTenThousandRecordsAndStopsAtTheLimit(TestDatabase.Kind kind) {
    PredictionLogStore log = open(kind);
    List<PredictionRecord> all = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      all.add(at(T0.plusMillis(i), "fraud", PredictionRecord.PRIMARY, i));
    }
    log.append(all);
    AtomicLong seen = new AtomicLong();
    AtomicReference<Instant> previous = new AtomicReference<>(Instant.MAX);
    Instant end = T0.plusSeconds(60);

    long passed =
        log.scan(
            "fraud",
            T0,
            end,
            1_000_000,
            r -> {
              assertThat(r.at()).isBefore(previous.getAndSet(r.at()));
              seen.incrementAndGet();
            });

    assertThat(passed).isEqualTo(10_000).isEqualTo(seen.get());
    assertThat(previous.get()).isEqualTo(T0);
    assertThat(log.scan("fraud", T0, end, 2_500, r -> {})).isEqualTo(2_500);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void scanEndsWithTheSinksFailure(TestDatabase.Kind kind) {
    PredictionLogStore log = open(kind);
    log.append(records(0, 10));

    assertThatThrownBy(
            () ->
                log.scan(
                    "fraud",
                    T0,
                    T0.plusSeconds(1),
                    10,
                    r -> {
                      throw new IllegalStateException("sink full");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("sink full");
    assertThat(log.scan("fraud", T0, T0.plusSeconds(1), 10, r -> {})).isEqualTo(5);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void trafficCountsPrimaryAndCanaryPerEpochAlignedBucket(TestDatabase.Kind kind) {
    PredictionLogStore log = open(kind);
    log.append(
        List.of(
            at(T0, "fraud", PredictionRecord.PRIMARY, 100),
            at(T0.plusSeconds(60).minusNanos(1_000), "fraud", PredictionRecord.CANARY, 301),
            at(T0.plusSeconds(30), "fraud", PredictionRecord.SHADOW, 9_999),
            at(T0.plusSeconds(60), "fraud", PredictionRecord.PRIMARY, 50),
            at(T0.plusSeconds(180), "fraud", PredictionRecord.SHADOW, 7), // a shadow-only bucket
            at(T0.plusSeconds(200), "fraud", PredictionRecord.PRIMARY, 1_000), // past the window
            at(T0.minusNanos(1_000), "fraud", PredictionRecord.PRIMARY, 1_000), // before it
            at(T0.plusSeconds(10), "churn", PredictionRecord.PRIMARY, 1_000)));

    assertThat(log.traffic("fraud", T0, T0.plusSeconds(200), Duration.ofMinutes(1)))
        .containsExactly(
            new TrafficBucket(T0, 2, 200.5, 301), new TrafficBucket(T0.plusSeconds(60), 1, 50, 50));
    // Buckets of 7 s start at multiples of 7 s since the epoch, not at the window's start.
    long start7 = Math.floorDiv(T0.getEpochSecond(), 7) * 7;
    assertThat(log.traffic("fraud", T0, T0.plusSeconds(1), Duration.ofSeconds(7)))
        .containsExactly(new TrafficBucket(Instant.ofEpochSecond(start7), 1, 100, 100));
    assertThat(log.traffic("other", T0, T0.plusSeconds(200), Duration.ofMinutes(1))).isEmpty();
    assertThatThrownBy(() -> log.traffic("fraud", T0, T0, Duration.ofMillis(1_500)))
        .isInstanceOf(DomainValidationException.class)
        .hasMessageContaining("whole number of seconds");
  }
}
