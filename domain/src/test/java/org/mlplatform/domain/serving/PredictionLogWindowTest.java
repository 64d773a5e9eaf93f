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

/** The in-memory log's window reads: scan and traffic. */
class PredictionLogWindowTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private static PredictionRecord at(int second, String model, String route, long latency) {
    return new PredictionRecord(
        UUID.randomUUID(), T0.plusSeconds(second), model, 1, route, null, "{}", "{}", latency);
  }

  @Test
  void scanGivesTheWindowNewestFirstUpToTheLimit() {
    InMemoryPredictionLogStore log = new InMemoryPredictionLogStore();
    List<PredictionRecord> fraud = new ArrayList<>();
    for (int s = 0; s < 10; s++) {
      fraud.add(at(s, "fraud", PredictionRecord.PRIMARY, s));
    }
    log.append(fraud);
    log.append(List.of(at(5, "churn", PredictionRecord.PRIMARY, 1)));
    List<PredictionRecord> found = new ArrayList<>();

    assertThat(log.scan("fraud", T0.plusSeconds(2), T0.plusSeconds(6), 3, found::add)).isEqualTo(3);
    assertThat(found).containsExactly(fraud.get(5), fraud.get(4), fraud.get(3));
    assertThatThrownBy(() -> log.scan("fraud", T0, T0, 0, r -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void trafficLeavesShadowOutAndEmptyBucketsAway() {
    InMemoryPredictionLogStore log = new InMemoryPredictionLogStore();
    log.append(
        List.of(
            at(0, "fraud", PredictionRecord.PRIMARY, 100),
            at(59, "fraud", PredictionRecord.CANARY, 301),
            at(30, "fraud", PredictionRecord.SHADOW, 9_999),
            at(150, "fraud", PredictionRecord.PRIMARY, 50)));

    assertThat(log.traffic("fraud", T0, T0.plusSeconds(600), Duration.ofMinutes(1)))
        .containsExactly(
            new TrafficBucket(T0, 2, 200.5, 301),
            new TrafficBucket(T0.plusSeconds(120), 1, 50, 50));
    assertThatThrownBy(() -> log.traffic("fraud", T0, T0, Duration.ZERO))
        .isInstanceOf(DomainValidationException.class);
  }
}
