package org.mlplatform.persistence.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlplatform.domain.monitoring.feedback.FeedbackStore;
import org.mlplatform.domain.monitoring.feedback.FeedbackStoreException;
import org.mlplatform.domain.monitoring.feedback.GroundTruth;
import org.mlplatform.domain.monitoring.feedback.LabelledPrediction;
import org.mlplatform.domain.serving.PredictionLogStore;
import org.mlplatform.domain.serving.PredictionRecord;
import org.mlplatform.persistence.TestDatabase;
import org.mlplatform.persistence.migration.SchemaMigrator;
import org.mlplatform.persistence.serving.JdbcPredictionLogStore;

/** Ground truth on the migrated schema, H2 and PostgreSQL. */
class JdbcFeedbackStoreIT {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final Instant RECEIVED = Instant.parse("2026-03-02T08:00:00.123456Z");

  private TestDatabase db;
  private PredictionLogStore log;

  private FeedbackStore open(TestDatabase.Kind kind) {
    db = TestDatabase.create(kind);
    new SchemaMigrator(db.dataSource()).migrate();
    log = new JdbcPredictionLogStore(db.dataSource());
    return new JdbcFeedbackStore(db.dataSource());
  }

  @AfterEach
  void dropDatabase() {
    if (db != null) {
      db.close();
    }
  }

  /** Logs a prediction of the model made {@code second}s after T0 and returns it. */
  private PredictionRecord logged(String model, int second) {
    PredictionRecord record =
        new PredictionRecord(
            UUID.randomUUID(),
            T0.plusSeconds(second),
            model,
            1 + second % 2,
            PredictionRecord.PRIMARY,
            null,
            "{\"x\":" + second + "}",
            "{\"y\":" + second + "}",
            10);
    log.append(List.of(record));
    return record;
  }

  private static GroundTruth label(UUID id, int row, String label, Instant receivedAt) {
    return GroundTruth.label(id, row, "fraud", label, "alice", receivedAt);
  }

  private static GroundTruth value(UUID id, int row, double value) {
    return GroundTruth.value(id, row, "fraud", value, "feed@bank", RECEIVED);
  }

  private static LabelledPrediction expected(PredictionRecord p, int row, GroundTruth truth) {
    return new LabelledPrediction(
        p.id(), row, p.at(), p.version(), p.outputs(), truth.label(), truth.value());
  }

  private static List<LabelledPrediction> scan(
      FeedbackStore store, Instant from, Instant to, int limit) {
    List<LabelledPrediction> found = new ArrayList<>();
    assertThat(store.scanLabelled("fraud", from, to, limit, found::add)).isEqualTo(found.size());
    return found;
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void scanLabelledJoinsOnlyTheModelsLoggedPredictionsNewestFirst(TestDatabase.Kind kind) {
    FeedbackStore store = open(kind);
    PredictionRecord first = logged("fraud", 1);
    PredictionRecord second = logged("fraud", 2);
    PredictionRecord unlabelled = logged("fraud", 3);
    PredictionRecord churn = logged("churn", 4);
    GroundTruth firstLabel = label(first.id(), 0, "fraud", RECEIVED);
    GroundTruth secondRow0 = value(second.id(), 0, -1.5);
    GroundTruth secondRow1 = value(second.id(), 1, 1e-300);
    List<GroundTruth> truths =
        List.of(
            secondRow1,
            firstLabel,
            secondRow0,
            label(UUID.randomUUID(), 0, "not logged (yet)", RECEIVED),
            label(churn.id(), 0, "logged for another model", RECEIVED));

    assertThat(store.record(truths)).isEqualTo(5);

    assertThat(scan(store, T0, T0.plusSeconds(10), 100))
        .containsExactly(
            expected(second, 0, secondRow0),
            expected(second, 1, secondRow1),
            expected(first, 0, firstLabel));
    assertThat(scan(store, T0, T0.plusSeconds(10), 2))
        .containsExactly(expected(second, 0, secondRow0), expected(second, 1, secondRow1));
    assertThat(scan(store, first.at(), second.at(), 100))
        .containsExactly(expected(first, 0, firstLabel));
    assertThat(scan(store, unlabelled.at(), T0.plusSeconds(10), 100)).isEmpty();
    assertThat(store.count("fraud")).isEqualTo(5); // stored, joined or not
    assertThat(store.count("churn")).isZero();
    assertThatThrownBy(() -> store.scanLabelled("fraud", T0, T0, 0, l -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aLaterTruthReplacesTheStoredOneAndOnlyNewRowsCount(TestDatabase.Kind kind) {
    FeedbackStore store = open(kind);
    PredictionRecord p = logged("fraud", 1);
    PredictionRecord q = logged("fraud", 2);
    List<GroundTruth> batch =
        List.of(label(p.id(), 0, "fraud", RECEIVED), label(q.id(), 0, "ok", RECEIVED));

    assertThat(store.record(batch)).isEqualTo(2);
    assertThat(store.record(batch)).isZero(); // a retried batch
    assertThat(store.record(List.of())).isZero();

    // A correction (from a label to a number, even), a late retry of an older truth, and a new row.
    GroundTruth corrected = value(p.id(), 0, 0.25);
    GroundTruth corrected2 =
        GroundTruth.value(p.id(), 0, "fraud", 0.75, "bob", RECEIVED.plusSeconds(60));
    GroundTruth stale = label(q.id(), 0, "stale", RECEIVED.minusSeconds(60));
    GroundTruth newRow = label(q.id(), 1, "fraud", RECEIVED);
    assertThat(store.record(List.of(corrected2, corrected, stale, newRow))).isEqualTo(1);

    assertThat(scan(store, T0, T0.plusSeconds(10), 10))
        .containsExactly(
            expected(q, 0, batch.get(1)), expected(q, 1, newRow), expected(p, 0, corrected2));
    assertThat(store.count("fraud")).isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void largeBatchesCountNewRowsAcrossChunks(TestDatabase.Kind kind) {
    FeedbackStore store = open(kind);
    List<GroundTruth> first = new ArrayList<>();
    for (int i = 0; i < 1_500; i++) {
      first.add(value(UUID.randomUUID(), i % 3, i));
    }
    assertThat(store.record(first)).isEqualTo(1_500);

    List<GroundTruth> mixed = new ArrayList<>(first.subList(500, 1_500));
    for (int i = 0; i < 1_200; i++) {
      mixed.add(label(UUID.randomUUID(), 0, "c" + i, RECEIVED));
    }
    assertThat(store.record(mixed)).isEqualTo(1_200);
    assertThat(store.count("fraud")).isEqualTo(2_700);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void matchedCountsEachIdOfTheModelInTheLogOnce(TestDatabase.Kind kind) {
    FeedbackStore store = open(kind);
    List<PredictionRecord> fraud = new ArrayList<>();
    for (int i = 0; i < 1_200; i++) {
      fraud.add(
          new PredictionRecord(UUID.randomUUID(), T0, "fraud", 1, "primary", null, "{}", "{}", 1));
    }
    log.append(fraud);
    PredictionRecord churn = logged("churn", 1);
    List<UUID> ids = new ArrayList<>(fraud.stream().map(PredictionRecord::id).toList());
    ids.add(fraud.getFirst().id()); // twice
    ids.add(churn.id());
    ids.add(UUID.randomUUID());

    assertThat(store.matched("fraud", ids)).isEqualTo(1_200);
    assertThat(store.matched("churn", ids)).isEqualTo(1);
    assertThat(store.matched("fraud", List.of())).isZero();
    assertThat(store.matched("other", ids)).isZero();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aBatchThatFailsPartWayLeavesNothingBehind(TestDatabase.Kind kind) throws Exception {
    FeedbackStore store = open(kind);
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "ALTER TABLE prediction_feedback ADD CONSTRAINT test_refuse CHECK (given_by <> 'eve')");
    }
    List<GroundTruth> batch = new ArrayList<>();
    for (int i = 0; i < 1_100; i++) {
      batch.add(value(UUID.randomUUID(), 0, i));
    }
    batch.add(
        new GroundTruth(
            UUID.randomUUID(), 0, "fraud", Optional.of("x"), OptionalDouble.empty(), "eve", T0));

    assertThatThrownBy(() -> store.record(batch))
        .isInstanceOf(FeedbackStoreException.class)
        .hasMessageContaining("recording 1101 ground truths failed");
    assertThat(store.count("fraud")).isZero();
  }
}
