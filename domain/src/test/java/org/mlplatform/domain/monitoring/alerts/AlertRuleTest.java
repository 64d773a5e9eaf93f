package org.mlplatform.domain.monitoring.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlplatform.domain.DomainValidationException;

class AlertRuleTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123456789Z");

  private static AlertRule rule(
      String model, Optional<String> feature, MonitoredMetric metric, double threshold) {
    return new AlertRule(
        UUID.randomUUID(),
        model,
        feature,
        metric,
        Comparison.ABOVE,
        threshold,
        AlertSeverity.WARNING,
        false,
        true,
        "alice",
        NOW);
  }

  private static AlertRule featureRule(String feature) {
    return rule("fraud", Optional.ofNullable(feature), MonitoredMetric.DRIFT_SCORE, 0.1);
  }

  private static void assertField(Runnable build, String field, String messagePart) {
    assertThatThrownBy(build::run)
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageContaining(messagePart);
  }

  @Test
  void createMakesAnEnabledRuleWithAFreshIdKeptToTheMicrosecond() {
    AlertRule rule =
        AlertRule.create(
            "fraud",
            Optional.of("amount"),
            MonitoredMetric.PSI,
            Comparison.ABOVE,
            0.2,
            AlertSeverity.CRITICAL,
            true,
            "alice",
            NOW);

    assertThat(rule.enabled()).isTrue();
    assertThat(rule.startsRetraining()).isTrue();
    assertThat(rule.createdAt()).isEqualTo(Instant.parse("2026-03-01T12:00:00.123456Z"));
    assertThat(rule.id())
        .isNotEqualTo(
            AlertRule.create(
                    "fraud",
                    Optional.of("amount"),
                    MonitoredMetric.PSI,
                    Comparison.ABOVE,
                    0.2,
                    AlertSeverity.CRITICAL,
                    true,
                    "alice",
                    NOW)
                .id());
    assertThat(rule.withEnabled(false).enabled()).isFalse();
    assertThat(rule.withEnabled(false).withEnabled(true)).isEqualTo(rule);
  }

  @Test
  void describesItselfInOneSentence() {
    assertThat(featureRule("amount").describe())
        .isEqualTo("drift_score of amount above 0.1 (warning)");
    AlertRule accuracy =
        new AlertRule(
            UUID.randomUUID(),
            "fraud",
            Optional.empty(),
            MonitoredMetric.ACCURACY,
            Comparison.BELOW,
            0.80,
            AlertSeverity.CRITICAL,
            false,
            true,
            "alice",
            NOW);
    assertThat(accuracy.describe()).isEqualTo("accuracy below 0.8 (critical)");
    assertThat(rule("fraud", Optional.empty(), MonitoredMetric.VOLUME, 1e6).describe())
        .isEqualTo("volume above 1000000 (warning)");
    assertThat(featureRule(AlertRule.PREDICTION).describe())
        .isEqualTo("drift_score of prediction above 0.1 (warning)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Fraud", "1fraud", "fraud-model", ""})
  void theModelIsAResourceName(String model) {
    assertField(
        () -> rule(model, Optional.empty(), MonitoredMetric.ACCURACY, 0.8),
        "model",
        "invalid name");
  }

  @Test
  void aNullModelIsNamed() {
    assertField(() -> rule(null, Optional.empty(), MonitoredMetric.ACCURACY, 0.8), "model", "null");
  }

  @ParameterizedTest
  @EnumSource(
      value = MonitoredMetric.class,
      names = {"DRIFT_SCORE", "PSI", "MISSING_SHARE", "OUT_OF_RANGE_SHARE", "NEW_CATEGORY_SHARE"})
  void aPerFeatureMetricNeedsAFeature(MonitoredMetric metric) {
    assertField(
        () -> rule("fraud", Optional.empty(), metric, 0.1),
        "feature",
        metric.key() + " is measured per feature");
  }

  @ParameterizedTest
  @EnumSource(
      value = MonitoredMetric.class,
      names = {"DRIFT_SCORE", "PSI", "MISSING_SHARE", "OUT_OF_RANGE_SHARE", "NEW_CATEGORY_SHARE"},
      mode = EnumSource.Mode.EXCLUDE)
  void aWholeModelMetricTakesNoFeature(MonitoredMetric metric) {
    assertThat(rule("fraud", null, metric, 0.1).feature()).isEmpty();
    assertField(
        () -> rule("fraud", Optional.of("amount"), metric, 0.1),
        "feature",
        metric.key() + " is measured for the model as a whole");
  }

  @Test
  void aFeatureIsOneLineOfAtMost200Characters() {
    assertThat(featureRule("Amount (EUR) ünd mehr").feature()).contains("Amount (EUR) ünd mehr");
    assertThat(featureRule("x".repeat(200)).feature()).contains("x".repeat(200));
    assertField(() -> featureRule("x".repeat(201)), "feature", "at most 200");
    assertField(() -> featureRule(" "), "feature", "must not be blank");
    assertField(() -> featureRule("amount\n"), "feature", "control characters");
    assertField(() -> featureRule("a\u0000b"), "feature", "control characters");
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void theThresholdIsFinite(double threshold) {
    assertField(
        () -> rule("fraud", Optional.empty(), MonitoredMetric.ACCURACY, threshold),
        "threshold",
        "give a finite number");
  }

  @Test
  void missingMetricComparisonSeverityAndCreatorAreNamed() {
    assertField(
        () ->
            new AlertRule(
                UUID.randomUUID(),
                "fraud",
                Optional.empty(),
                null,
                Comparison.ABOVE,
                1,
                AlertSeverity.INFO,
                false,
                true,
                "alice",
                NOW),
        "metric",
        "dataset_drift_share, drift_score");
    assertField(
        () ->
            new AlertRule(
                UUID.randomUUID(),
                "fraud",
                Optional.empty(),
                MonitoredMetric.VOLUME,
                null,
                1,
                AlertSeverity.INFO,
                false,
                true,
                "alice",
                NOW),
        "comparison",
        "above or below");
    assertField(
        () ->
            new AlertRule(
                UUID.randomUUID(),
                "fraud",
                Optional.empty(),
                MonitoredMetric.VOLUME,
                Comparison.BELOW,
                1,
                null,
                false,
                true,
                "alice",
                NOW),
        "severity",
        "info, warning or critical");
    for (String creator : new String[] {null, "", "  "}) {
      assertField(
          () ->
              new AlertRule(
                  UUID.randomUUID(),
                  "fraud",
                  Optional.empty(),
                  MonitoredMetric.VOLUME,
                  Comparison.BELOW,
                  1,
                  AlertSeverity.INFO,
                  false,
                  true,
                  creator,
                  NOW),
          "createdBy",
          "must not be blank");
    }
  }
}
