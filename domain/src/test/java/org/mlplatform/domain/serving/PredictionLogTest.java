package org.mlplatform.domain.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.DomainValidationException;

/** The prediction record's rules and the in-memory log's contract. */
class PredictionLogTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  static PredictionRecord record(String model, int second, String route) {
    return new PredictionRecord(
        UUID.randomUUID(),
        T0.plusSeconds(second),
        model,
        1,
        route,
        "req-" + second,
        "{\"amount\":" + second + "}",
        "{\"fraud\":0.1}",
        250);
  }

  @Test
  void recordsKeepMicrosecondsAndRefuseBrokenFieldsByName() {
    PredictionRecord valid = record("fraud", 0, PredictionRecord.PRIMARY);
    assertThat(
            new PredictionRecord(
                    valid.id(), T0.plusNanos(1_999), "fraud", 1, "shadow", null, "[]", "[]", 0)
                .at())
        .isEqualTo(T0.plusNanos(1_000));

    assertField(() -> copy(valid, "Fraud", 1, "primary", "{}", 0), "model");
    assertField(() -> copy(valid, "fraud", 0, "primary", "{}", 0), "version");
    assertField(() -> copy(valid, "fraud", 1, "champion", "{}", 0), "route");
    assertField(() -> copy(valid, "fraud", 1, null, "{}", 0), "route");
    assertField(() -> copy(valid, "fraud", 1, "primary", " ", 0), "inputs");
    assertField(() -> copy(valid, "fraud", 1, "primary", "x".repeat(1_000_001), 0), "inputs");
    assertField(() -> copy(valid, "fraud", 1, "primary", "{}", -1), "latencyMicros");
    assertField(
        () ->
            new PredictionRecord(
                valid.id(), T0, "fraud", 1, "primary", "r".repeat(201), "{}", "{}", 0),
        "requestId");
    assertField(
        () -> new PredictionRecord(valid.id(), T0, "fraud", 1, "primary", null, "{}", null, 0),
        "outputs");
    assertThatThrownBy(
            () -> new PredictionRecord(null, T0, "fraud", 1, "primary", null, "{}", "{}", 0))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void appendIsIdempotentByIdAndRecentIsNewestFirst() {
    PredictionLogStore log = new InMemoryPredictionLogStore();
    List<PredictionRecord> batch = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      batch.add(record(i % 2 == 0 ? "fraud" : "churn", i, PredictionRecord.PRIMARY));
    }

    log.append(batch);
    log.append(batch.subList(0, 10));
    log.append(List.of(batch.get(4), batch.get(4)));
    log.append(List.of());

    assertThat(log.count("fraud")).isEqualTo(50);
    assertThat(log.count("churn")).isEqualTo(50);
    assertThat(log.count("other")).isZero();
    assertThat(log.recent("fraud", 3)).containsExactly(batch.get(98), batch.get(96), batch.get(94));
    assertThat(log.recent("churn", 1000)).hasSize(50);
    assertThatThrownBy(() -> log.recent("fraud", 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void deleteOlderThanKeepsTheCutoffItself() {
    PredictionLogStore log = new InMemoryPredictionLogStore();
    List<PredictionRecord> batch = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      batch.add(record("fraud", i, PredictionRecord.CANARY));
    }
    log.append(batch);

    assertThat(log.deleteOlderThan(T0.plus(Duration.ofSeconds(4)))).isEqualTo(4);
    assertThat(log.deleteOlderThan(T0.plus(Duration.ofSeconds(4)))).isZero();
    assertThat(log.count("fraud")).isEqualTo(6);
    assertThat(log.recent("fraud", 10).getLast()).isEqualTo(batch.get(4));
  }

  private static PredictionRecord copy(
      PredictionRecord r, String model, int version, String route, String inputs, long latency) {
    return new PredictionRecord(
        r.id(), r.at(), model, version, route, r.requestId(), inputs, r.outputs(), latency);
  }

  private static void assertField(Runnable action, String field) {
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
