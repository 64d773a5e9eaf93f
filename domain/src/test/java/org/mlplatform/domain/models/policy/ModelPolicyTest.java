package org.mlplatform.domain.models.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;

class ModelPolicyTest {

  private static final ResourceName FRAUD = new ResourceName("fraud");
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private static ModelPolicy policy(
      double tolerance, double margin, Duration every, Map<String, Double> overrides) {
    return new ModelPolicy(
        FRAUD, tolerance, margin, Optional.ofNullable(every), overrides, "alice", NOW);
  }

  private static void assertField(Runnable build, String field, String messagePart) {
    assertThatThrownBy(build::run)
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageContaining(messagePart);
  }

  @Test
  void defaultsTolerateOneHundredthAndNeedAnyImprovement() {
    ModelPolicy defaults = ModelPolicy.defaults(FRAUD);

    assertThat(defaults.model()).isEqualTo(FRAUD);
    assertThat(defaults.metricTolerance()).isEqualTo(0.01);
    assertThat(defaults.retrainingMargin()).isZero();
    assertThat(defaults.retrainingEvery()).isEmpty();
    assertThat(defaults.metricTolerances()).isEmpty();
    assertThat(defaults.updatedBy()).isEmpty();
    assertThat(defaults.updatedAt()).isEqualTo(Instant.EPOCH);
    assertThat(defaults.toleranceFor("accuracy")).isEqualTo(0.01);
  }

  @Test
  void aMetricsOwnToleranceReplacesTheGeneralOne() {
    ModelPolicy policy = policy(0.02, 0, null, Map.of("rmse", 5.0, "accuracy", 0.0));

    assertThat(policy.toleranceFor("rmse")).isEqualTo(5.0);
    assertThat(policy.toleranceFor("accuracy")).isZero();
    assertThat(policy.toleranceFor("f1")).isEqualTo(0.02);
    assertThat(policy.metricTolerances().keySet()).containsExactly("accuracy", "rmse");
  }

  @Test
  void keepsADefensiveUnmodifiableCopyOfTheOverrides() {
    Map<String, Double> overrides = new LinkedHashMap<>();
    overrides.put("f1", 0.05);
    ModelPolicy policy = policy(0.01, 0, null, overrides);
    overrides.put("auc", 0.5);

    assertThat(policy.metricTolerances()).containsOnlyKeys("f1");
    assertThatThrownBy(() -> policy.metricTolerances().put("auc", 0.1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(policy(0.01, 0, null, null).metricTolerances()).isEmpty();
  }

  @Test
  void equalPoliciesAreEqualAndNegativeZeroIsZero() {
    assertThat(policy(-0.0, -0.0, Duration.ofDays(7), Map.of("f1", -0.0)))
        .isEqualTo(policy(0.0, 0.0, Duration.ofDays(7), Map.of("f1", 0.0)));
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.001, 1_000_000.5, Double.NaN, Double.POSITIVE_INFINITY})
  void toleranceIsFiniteFromZeroToAMillion(double tolerance) {
    assertField(() -> policy(tolerance, 0, null, null), "metricTolerance", "0 to 1000000");
  }

  @Test
  void toleranceLimitsAreInclusive() {
    assertThat(policy(0, 0, null, null).metricTolerance()).isZero();
    assertThat(policy(1_000_000, 0, null, null).metricTolerance()).isEqualTo(1_000_000);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.5, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY})
  void marginIsFiniteAndNotNegative(double margin) {
    assertField(() -> policy(0.01, margin, null, null), "retrainingMargin", "0 or more");
  }

  @Test
  void aLargeMarginIsAllowed() {
    assertThat(policy(0.01, 2_000_000, null, null).retrainingMargin()).isEqualTo(2_000_000);
  }

  @Test
  void retrainingScheduleIsAnHourToAYear() {
    assertThat(policy(0.01, 0, Duration.ofHours(1), null).retrainingEvery())
        .contains(Duration.ofHours(1));
    assertThat(policy(0.01, 0, Duration.ofDays(366), null).retrainingEvery())
        .contains(Duration.ofDays(366));

    assertField(
        () -> policy(0.01, 0, Duration.ofSeconds(1), null), "retrainingEvery", "PT1H (one hour)");
    assertField(
        () -> policy(0.01, 0, Duration.ofMinutes(59), null), "retrainingEvery", "PT1H (one hour)");
    assertField(() -> policy(0.01, 0, Duration.ZERO, null), "retrainingEvery", "P366D");
    assertField(() -> policy(0.01, 0, Duration.ofDays(-7), null), "retrainingEvery", "P366D");
    assertField(
        () -> policy(0.01, 0, Duration.ofDays(366).plusSeconds(1), null),
        "retrainingEvery",
        "P366D");
    assertField(
        () -> policy(0.01, 0, Duration.ofHours(2).plusMillis(500), null),
        "retrainingEvery",
        "whole seconds");
  }

  @Test
  void aNullScheduleMeansNone() {
    ModelPolicy policy = new ModelPolicy(FRAUD, 0.01, 0, null, Map.of(), "alice", NOW);

    assertThat(policy.retrainingEvery()).isEmpty();
  }

  @Test
  void overridesNameTheMetricAtFault() {
    Map<String, Double> missing = new HashMap<>();
    missing.put("auc", null);

    assertField(() -> policy(0.01, 0, null, missing), "metricTolerances.auc", "missing");
    assertField(
        () -> policy(0.01, 0, null, Map.of("rmse", -1.0)), "metricTolerances.rmse", "0 to 1000000");
    assertField(
        () -> policy(0.01, 0, null, Map.of("rmse", Double.NaN)),
        "metricTolerances.rmse",
        "0 to 1000000");
  }

  @Test
  void overrideNamesFollowTheRulesOfVersionMetricNames() {
    assertField(() -> policy(0.01, 0, null, Map.of(" ", 0.1)), "metricTolerances. ", "blank");
    String longName = "m".repeat(101);
    assertField(
        () -> policy(0.01, 0, null, Map.of(longName, 0.1)),
        "metricTolerances." + longName,
        "at most 100");
    assertField(
        () -> policy(0.01, 0, null, Map.of("acc\nuracy", 0.1)),
        "metricTolerances.acc\nuracy",
        "control characters");
    Map<String, Double> nullName = new HashMap<>();
    nullName.put(null, 0.1);
    assertField(() -> policy(0.01, 0, null, nullName), "metricTolerances.null", "blank");

    assertThat(policy(0.01, 0, null, Map.of("m".repeat(100), 0.1)).metricTolerances()).hasSize(1);
    assertThat(policy(0.01, 0, null, Map.of("val accuracy (held-out)", 0.1)).metricTolerances())
        .hasSize(1);
  }

  @Test
  void atMostFiftyOverrides() {
    Map<String, Double> fifty = new HashMap<>();
    IntStream.range(0, 50).forEach(i -> fifty.put("metric_" + i, 0.1));
    assertThat(policy(0.01, 0, null, fifty).metricTolerances()).hasSize(50);

    fifty.put("one_more", 0.1);
    assertField(() -> policy(0.01, 0, null, fifty), "metricTolerances", "at most 50");
  }

  @Test
  void updatedByIsOptionalButBounded() {
    assertThat(new ModelPolicy(FRAUD, 0.01, 0, Optional.empty(), null, null, NOW).updatedBy())
        .isEmpty();
    assertField(
        () -> new ModelPolicy(FRAUD, 0.01, 0, Optional.empty(), null, "x".repeat(201), NOW),
        "updatedBy",
        "at most 200");
    assertThatThrownBy(() -> new ModelPolicy(null, 0.01, 0, Optional.empty(), null, "a", NOW))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new ModelPolicy(FRAUD, 0.01, 0, Optional.empty(), null, "a", null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void aRetrainedVersionMustBeBetterByAtLeastTheMargin() {
    ModelPolicy anyGain = ModelPolicy.defaults(FRAUD);
    assertThat(anyGain.improvesEnough(0.0001)).isTrue();
    assertThat(anyGain.improvesEnough(0)).isFalse();
    assertThat(anyGain.improvesEnough(-0.1)).isFalse();

    ModelPolicy margin = policy(0.01, 0.02, null, null);
    assertThat(margin.improvesEnough(0.02)).isTrue();
    assertThat(margin.improvesEnough(0.0199)).isFalse();
    assertThat(margin.improvesEnough(0.5)).isTrue();
  }

  @Test
  void schedulesAreReadAndWrittenAsIso8601Durations() {
    assertThat(ModelPolicy.parseRetrainingEvery("P7D")).contains(Duration.ofDays(7));
    assertThat(ModelPolicy.parseRetrainingEvery(" PT12H ")).contains(Duration.ofHours(12));
    assertThat(ModelPolicy.parseRetrainingEvery("p1dt6h")).contains(Duration.ofHours(30));
    assertThat(ModelPolicy.parseRetrainingEvery(null)).isEmpty();
    assertThat(ModelPolicy.parseRetrainingEvery("  ")).isEmpty();
    assertField(() -> ModelPolicy.parseRetrainingEvery("7 days"), "retrainingEvery", "P7D");
    assertField(() -> ModelPolicy.parseRetrainingEvery("P1M"), "retrainingEvery", "ISO-8601");

    assertThat(ModelPolicy.formatRetrainingEvery(Duration.ofDays(7))).isEqualTo("P7D");
    assertThat(ModelPolicy.formatRetrainingEvery(Duration.ofHours(12))).isEqualTo("PT12H");
    assertThat(ModelPolicy.formatRetrainingEvery(Duration.ofHours(30))).isEqualTo("P1DT6H");
    assertThat(ModelPolicy.formatRetrainingEvery(Duration.ofMinutes(90))).isEqualTo("PT1H30M");
    for (Duration every :
        new Duration[] {Duration.ofDays(366), Duration.ofSeconds(3601), Duration.ofHours(49)}) {
      assertThat(
              ModelPolicy.parseRetrainingEvery(ModelPolicy.formatRetrainingEvery(every))
                  .orElseThrow())
          .isEqualTo(every);
    }
  }
}
