package org.mlplatform.persistence.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlplatform.domain.serving.PredictionLogException;
import org.mlplatform.domain.serving.PredictionLogStore;
import org.mlplatform.domain.serving.PredictionRecord;
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
}
