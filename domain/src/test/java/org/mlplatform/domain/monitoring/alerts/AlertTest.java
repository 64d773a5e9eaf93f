package org.mlplatform.domain.monitoring.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.DomainValidationException;

class AlertTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00.123456789Z");
  private static final Instant T1 = T0.plusSeconds(60);
  private static final Instant T2 = T0.plusSeconds(120);

  private static final AlertRule DRIFT =
      AlertRule.create(
          "fraud",
          Optional.of("amount"),
          MonitoredMetric.DRIFT_SCORE,
          Comparison.ABOVE,
          0.1,
          AlertSeverity.CRITICAL,
          true,
          "alice",
          T0);

  private static Alert opened() {
    return Alert.open(DRIFT, 0.3, "drift_score of amount is 0.3, above 0.1", T0);
  }

  private static void assertField(Runnable build, String field, String messagePart) {
    assertThatThrownBy(build::run)
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageContaining(messagePart);
  }

  @Test
  void opensWithWhatItsRuleSaysKeptToTheMicrosecond() {
    Alert alert = opened();

    assertThat(alert.ruleId()).isEqualTo(DRIFT.id());
    assertThat(alert.model()).isEqualTo("fraud");
    assertThat(alert.feature()).contains("amount");
    assertThat(alert.metric()).isEqualTo(MonitoredMetric.DRIFT_SCORE);
    assertThat(alert.severity()).isEqualTo(AlertSeverity.CRITICAL);
    assertThat(alert.status()).isEqualTo(AlertStatus.OPEN);
    assertThat(alert.value()).isEqualTo(0.3);
    assertThat(alert.threshold()).isEqualTo(0.1);
    assertThat(alert.openedAt()).isEqualTo(Instant.parse("2026-03-01T12:00:00.123456Z"));
    assertThat(alert.lastSeenAt()).isEqualTo(alert.openedAt());
    assertThat(alert.acknowledgedBy()).isEmpty();
    assertThat(alert.acknowledgedAt()).isEmpty();
    assertThat(alert.resolvedBy()).isEmpty();
    assertThat(alert.resolvedAt()).isEmpty();
    assertThat(alert.retrainingProcessId()).isEmpty();
    assertThat(opened().id()).isNotEqualTo(alert.id());
  }

  @Test
  void anOpenAlertIsAcknowledgedThenResolved() {
    Alert acknowledged = opened().acknowledge("bob", T1);
    Alert resolved = acknowledged.resolve("carol", T2);

    assertThat(acknowledged.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
    assertThat(acknowledged.acknowledgedBy()).contains("bob");
    assertThat(acknowledged.acknowledgedAt()).contains(T1.truncatedTo(ChronoUnit.MICROS));
    assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(resolved.acknowledgedBy()).contains("bob");
    assertThat(resolved.resolvedBy()).contains("carol");
    assertThat(resolved.resolvedAt()).isPresent();
    assertThat(resolved.id()).isEqualTo(acknowledged.id());
  }

  @Test
  void anOpenAlertMayBeResolvedByTheSystemWithoutAcknowledgement() {
    Alert resolved = opened().resolve(Alert.SYSTEM, T1);

    assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(resolved.resolvedBy()).contains("system");
    assertThat(resolved.acknowledgedBy()).isEmpty();
  }

  @Test
  void aBreachSeenAgainUpdatesValueAndTimeOnly() {
    Alert open = opened();
    Alert again = open.seenAgain(0.5, T1);
    Alert acknowledgedAgain = open.acknowledge("bob", T1).seenAgain(0.6, T2);

    assertThat(again.value()).isEqualTo(0.5);
    assertThat(again.lastSeenAt()).isEqualTo(T1.truncatedTo(ChronoUnit.MICROS));
    assertThat(again.openedAt()).isEqualTo(open.openedAt());
    assertThat(again.status()).isEqualTo(AlertStatus.OPEN);
    assertThat(again.message()).isEqualTo(open.message());
    assertThat(acknowledgedAgain.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
    assertThat(acknowledgedAgain.value()).isEqualTo(0.6);
  }

  @Test
  void recordsTheRetrainingItStartedInAnyStatus() {
    assertThat(opened().withRetraining("proc-1").retrainingProcessId()).contains("proc-1");
    Alert resolved = opened().withRetraining("proc-1").resolve("bob", T1).withRetraining("proc-2");
    assertThat(resolved.retrainingProcessId()).contains("proc-2");
    assertField(() -> opened().withRetraining(" "), "retrainingProcessId", "must not be blank");
  }

  @Test
  void refusesChangesItsStatusDoesNotAllow() {
    Alert acknowledged = opened().acknowledge("bob", T1);
    Alert resolved = acknowledged.resolve("bob", T2);

    assertThatThrownBy(() -> acknowledged.acknowledge("carol", T2))
        .isInstanceOf(AlertTransitionException.class)
        .hasMessage("alert " + acknowledged.id() + " is already acknowledged");
    assertThatThrownBy(() -> resolved.acknowledge("carol", T2))
        .isInstanceOf(AlertTransitionException.class)
        .hasMessage("alert " + resolved.id() + " is already resolved; it cannot be acknowledged");
    assertThatThrownBy(() -> resolved.resolve(Alert.SYSTEM, T2))
        .isInstanceOf(AlertTransitionException.class)
        .hasMessage("alert " + resolved.id() + " is already resolved");
    assertThatThrownBy(() -> resolved.seenAgain(0.9, T2))
        .isInstanceOf(AlertTransitionException.class)
        .hasMessageContaining("is already resolved; a new breach opens a new alert");
  }

  @Test
  void theActorIsNamed() {
    assertField(() -> opened().acknowledge(" ", T1), "acknowledgedBy", "must not be blank");
    assertField(() -> opened().resolve(null, T1), "resolvedBy", "must not be blank");
    assertField(() -> opened().resolve("x".repeat(201), T1), "resolvedBy", "at most 200");
  }

  @Test
  void theStatusAndTheAcknowledgementAndResolutionAgree() {
    assertField(
        () ->
            alert(
                AlertStatus.OPEN,
                Optional.of("bob"),
                Optional.of(T1),
                Optional.empty(),
                Optional.empty()),
        "acknowledgedBy",
        "an open alert has not been acknowledged");
    assertField(
        () ->
            alert(
                AlertStatus.ACKNOWLEDGED,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()),
        "acknowledgedBy",
        "an acknowledged alert says who acknowledged it");
    assertField(
        () ->
            alert(
                AlertStatus.RESOLVED,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()),
        "resolvedBy",
        "a resolved alert says who resolved it");
    assertField(
        () ->
            alert(
                AlertStatus.ACKNOWLEDGED,
                Optional.of("bob"),
                Optional.of(T1),
                Optional.of("bob"),
                Optional.of(T2)),
        "resolvedBy",
        "an acknowledged alert has not been resolved");
    assertField(
        () ->
            alert(
                AlertStatus.RESOLVED,
                Optional.of("bob"),
                Optional.empty(),
                Optional.of("bob"),
                Optional.of(T2)),
        "acknowledgedAt",
        "acknowledgedBy and acknowledgedAt go together");
    assertThat(
            alert(
                    AlertStatus.RESOLVED,
                    Optional.of("bob"),
                    Optional.of(T1),
                    Optional.of("bob"),
                    Optional.of(T2))
                .status())
        .isEqualTo(AlertStatus.RESOLVED);
  }

  @Test
  void valuesAreFiniteAndTheMessageSaysSomething() {
    assertField(() -> Alert.open(DRIFT, Double.NaN, "m", T0), "value", "finite");
    assertField(() -> Alert.open(DRIFT, 0.3, " ", T0), "message", "must not be blank");
    assertField(() -> Alert.open(DRIFT, 0.3, "x".repeat(2001), T0), "message", "at most 2000");
    assertThat(Alert.open(DRIFT, 0.3, "two\nlines", T0).message()).isEqualTo("two\nlines");
    assertField(() -> opened().seenAgain(Double.POSITIVE_INFINITY, T1), "value", "finite");
  }

  private static Alert alert(
      AlertStatus status,
      Optional<String> acknowledgedBy,
      Optional<Instant> acknowledgedAt,
      Optional<String> resolvedBy,
      Optional<Instant> resolvedAt) {
    return new Alert(
        UUID.randomUUID(),
        DRIFT.id(),
        "fraud",
        Optional.of("amount"),
        MonitoredMetric.DRIFT_SCORE,
        AlertSeverity.WARNING,
        status,
        0.3,
        0.1,
        "drifted",
        T0,
        T0,
        acknowledgedBy,
        acknowledgedAt,
        resolvedBy,
        resolvedAt,
        Optional.empty());
  }
}
