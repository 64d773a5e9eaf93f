package org.mlplatform.domain.monitoring.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.monitoring.DriftMethod;
import org.mlplatform.domain.monitoring.DriftOptions;

class MonitoringPolicyTest {

  private static final ResourceName FRAUD = new ResourceName("fraud");
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Duration DAY = Duration.ofDays(1);
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  private static MonitoringPolicy policy(FeatureDriftOverride... overrides) {
    return new MonitoringPolicy(
        FRAUD, 0.3, DAY, 10_000, FIVE_MINUTES, Arrays.asList(overrides), "alice", NOW);
  }

  private static MonitoringPolicy windows(Duration window, int predictions, Duration every) {
    return new MonitoringPolicy(FRAUD, 0.5, window, predictions, every, List.of(), "alice", NOW);
  }

  private static FeatureDriftOverride categorical(String feature) {
    return new FeatureDriftOverride(feature, true, Optional.empty(), OptionalDouble.empty());
  }

  private static void assertField(ThrowingCallable build, String field, String messagePart) {
    assertThatThrownBy(build)
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageContaining(messagePart);
  }

  @Test
  void defaults() {
    MonitoringPolicy defaults = MonitoringPolicy.defaults(FRAUD);

    assertThat(defaults.model()).isEqualTo(FRAUD);
    assertThat(defaults.driftShare()).isEqualTo(0.5);
    assertThat(defaults.window()).isEqualTo(Duration.ofHours(24));
    assertThat(defaults.windowPredictions()).isEqualTo(100_000);
    assertThat(defaults.evaluateEvery()).isEqualTo(Duration.ofMinutes(5));
    assertThat(defaults.overrides()).isEmpty();
    assertThat(defaults.updatedBy()).isEqualTo("system");
    assertThat(defaults.updatedAt()).isEqualTo(Instant.EPOCH);
    assertThat(defaults.optionsFor("amount")).isEqualTo(DriftOptions.defaults());
  }

  @Test
  void optionsForAFeatureAreItsOverridesOrTheDefaults() {
    MonitoringPolicy policy =
        policy(
            categorical("country"),
            new FeatureDriftOverride(
                "amount", false, Optional.of(DriftMethod.WASSERSTEIN), OptionalDouble.of(0.3)));

    assertThat(policy.optionsFor("country")).isEqualTo(DriftOptions.defaults().asCategorical());
    assertThat(policy.optionsFor("amount"))
        .isEqualTo(DriftOptions.defaults().withMethod(DriftMethod.WASSERSTEIN).withThreshold(0.3));
    assertThat(policy.optionsFor("age")).isEqualTo(DriftOptions.defaults());
    assertThat(policy.optionsFor("Amount")).isEqualTo(DriftOptions.defaults());
    assertThat(policy.optionsFor(null)).isEqualTo(DriftOptions.defaults());
  }

  @Test
  void overridesAreKeptInFeatureOrderAsADefensiveUnmodifiableCopy() {
    List<FeatureDriftOverride> given =
        new ArrayList<>(List.of(categorical("zip"), categorical("age"), categorical("country")));
    MonitoringPolicy policy =
        new MonitoringPolicy(FRAUD, 0.5, DAY, 100, FIVE_MINUTES, given, "alice", NOW);
    given.add(categorical("extra"));

    assertThat(policy.overrides())
        .extracting(FeatureDriftOverride::feature)
        .containsExactly("age", "country", "zip");
    assertThatThrownBy(() -> policy.overrides().add(categorical("more")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(policy(categorical("b"), categorical("a")))
        .isEqualTo(policy(categorical("a"), categorical("b")));
    assertThat(
            new MonitoringPolicy(FRAUD, 0.5, DAY, 100, FIVE_MINUTES, null, "alice", NOW)
                .overrides())
        .isEmpty();
  }

  @Test
  void oneOverridePerFeatureNamingTheDuplicate() {
    assertField(
        () -> policy(categorical("a"), categorical("b"), categorical("a")),
        "overrides[2].feature",
        "overrides[0]");
    assertThat(policy(categorical("a"), categorical("A")).overrides()).hasSize(2);
  }

  @Test
  void aMissingOverrideIsNamed() {
    assertField(() -> policy(categorical("a"), null), "overrides[1]", "must not be null");
  }

  @Test
  void atMostAThousandOverrides() {
    List<FeatureDriftOverride> many =
        new ArrayList<>(IntStream.range(0, 1000).mapToObj(i -> categorical("f" + i)).toList());
    assertThat(policy(many.toArray(FeatureDriftOverride[]::new)).overrides()).hasSize(1000);

    many.add(categorical("one_more"));
    assertField(
        () -> policy(many.toArray(FeatureDriftOverride[]::new)), "overrides", "at most 1000");
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, -0.1, 1.0001, Double.NaN, Double.POSITIVE_INFINITY})
  void driftShareIsMoreThanZeroAndAtMostOne(double share) {
    assertField(
        () -> new MonitoringPolicy(FRAUD, share, DAY, 100, FIVE_MINUTES, null, "alice", NOW),
        "driftShare",
        "more than 0 and at most 1");
  }

  @Test
  void driftShareLimits() {
    assertThat(new MonitoringPolicy(FRAUD, 1, DAY, 100, FIVE_MINUTES, null, "a", NOW).driftShare())
        .isEqualTo(1);
    assertThat(
            new MonitoringPolicy(FRAUD, 0.001, DAY, 100, FIVE_MINUTES, null, "a", NOW).driftShare())
        .isEqualTo(0.001);
  }

  @Test
  void windowIsAMinuteToAYearInWholeSeconds() {
    assertThat(windows(Duration.ofMinutes(1), 100, FIVE_MINUTES).window())
        .isEqualTo(Duration.ofMinutes(1));
    assertThat(windows(Duration.ofDays(365), 100, FIVE_MINUTES).window())
        .isEqualTo(Duration.ofDays(365));

    assertField(() -> windows(Duration.ofSeconds(59), 100, FIVE_MINUTES), "window", "PT1M");
    assertField(() -> windows(Duration.ZERO, 100, FIVE_MINUTES), "window", "P365D");
    assertField(() -> windows(Duration.ofDays(-1), 100, FIVE_MINUTES), "window", "P365D");
    assertField(
        () -> windows(Duration.ofDays(365).plusSeconds(1), 100, FIVE_MINUTES), "window", "P365D");
    assertField(
        () -> windows(Duration.ofMinutes(2).plusMillis(1), 100, FIVE_MINUTES),
        "window",
        "whole seconds");
    assertField(() -> windows(null, 100, FIVE_MINUTES), "window", "must not be null");
  }

  @Test
  void windowPredictionsAreAHundredToAMillion() {
    assertThat(windows(DAY, 100, FIVE_MINUTES).windowPredictions()).isEqualTo(100);
    assertThat(windows(DAY, 1_000_000, FIVE_MINUTES).windowPredictions()).isEqualTo(1_000_000);

    assertField(() -> windows(DAY, 99, FIVE_MINUTES), "windowPredictions", "100 to 1000000");
    assertField(() -> windows(DAY, 1_000_001, FIVE_MINUTES), "windowPredictions", "100 to");
    assertField(() -> windows(DAY, -5, FIVE_MINUTES), "windowPredictions", "100 to");
  }

  @Test
  void evaluateEveryIsASecondToADayInWholeSeconds() {
    assertThat(windows(DAY, 100, Duration.ofSeconds(1)).evaluateEvery())
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(windows(DAY, 100, Duration.ofDays(1)).evaluateEvery()).isEqualTo(DAY);

    assertField(() -> windows(DAY, 100, Duration.ofMillis(999)), "evaluateEvery", "PT1S");
    assertField(() -> windows(DAY, 100, Duration.ZERO), "evaluateEvery", "P1D");
    assertField(() -> windows(DAY, 100, DAY.plusSeconds(1)), "evaluateEvery", "P1D");
    assertField(
        () -> windows(DAY, 100, Duration.ofSeconds(10, 5)), "evaluateEvery", "whole seconds");
    assertField(() -> windows(DAY, 100, null), "evaluateEvery", "must not be null");
  }

  @Test
  void modelUpdatedByAndUpdatedAtAreRequired() {
    assertField(
        () -> new MonitoringPolicy(null, 0.5, DAY, 100, DAY, null, "alice", NOW),
        "model",
        "must not be null");
    assertField(
        () -> new MonitoringPolicy(FRAUD, 0.5, DAY, 100, DAY, null, " ", NOW),
        "updatedBy",
        "blank");
    assertField(
        () -> new MonitoringPolicy(FRAUD, 0.5, DAY, 100, DAY, null, null, NOW),
        "updatedBy",
        "blank");
    assertField(
        () -> new MonitoringPolicy(FRAUD, 0.5, DAY, 100, DAY, null, "x".repeat(201), NOW),
        "updatedBy",
        "at most 200");
    assertField(
        () -> new MonitoringPolicy(FRAUD, 0.5, DAY, 100, DAY, null, "alice", null),
        "updatedAt",
        "must not be null");
  }

  @Test
  void updatedAtIsKeptToTheMicrosecond() {
    Instant nanos = Instant.parse("2026-03-01T12:00:00.123456789Z");

    assertThat(new MonitoringPolicy(FRAUD, 0.5, DAY, 100, DAY, null, "a", nanos).updatedAt())
        .isEqualTo(Instant.parse("2026-03-01T12:00:00.123456Z"));
  }
}
