package org.mlplatform.domain.monitoring.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RuleCheckTest {

  private static AlertRule rule(MonitoredMetric metric, Comparison comparison, double threshold) {
    return AlertRule.create(
        "fraud",
        metric.needsFeature() ? Optional.of("amount") : Optional.empty(),
        metric,
        comparison,
        threshold,
        AlertSeverity.WARNING,
        false,
        "alice",
        Instant.parse("2026-03-01T12:00:00Z"));
  }

  private static RuleOutcome check(AlertRule rule, double value) {
    return RuleCheck.evaluate(rule, OptionalDouble.of(value));
  }

  @Test
  void aboveBreachesOnlyStrictlyAboveTheThreshold() {
    AlertRule drift = rule(MonitoredMetric.PSI, Comparison.ABOVE, 0.2);

    assertThat(check(drift, 0.25)).isEqualTo(RuleOutcome.BREACHED);
    assertThat(check(drift, 0.2)).isEqualTo(RuleOutcome.CLEAR);
    assertThat(check(drift, 0.1)).isEqualTo(RuleOutcome.CLEAR);
    assertThat(check(drift, -1)).isEqualTo(RuleOutcome.CLEAR);
  }

  @Test
  void belowBreachesOnlyStrictlyBelowTheThreshold() {
    AlertRule accuracy = rule(MonitoredMetric.ACCURACY, Comparison.BELOW, 0.8);

    assertThat(check(accuracy, 0.79)).isEqualTo(RuleOutcome.BREACHED);
    assertThat(check(accuracy, 0.8)).isEqualTo(RuleOutcome.CLEAR);
    assertThat(check(accuracy, 0.95)).isEqualTo(RuleOutcome.CLEAR);
  }

  @Test
  void zeroAndNegativeZeroAreTheSameThreshold() {
    AlertRule volume = rule(MonitoredMetric.VOLUME, Comparison.BELOW, -0.0);

    assertThat(volume.threshold()).isEqualTo(0.0);
    assertThat(check(volume, 0)).isEqualTo(RuleOutcome.CLEAR);
    assertThat(check(volume, -0.0)).isEqualTo(RuleOutcome.CLEAR);
  }

  @Test
  void noValueOrANonFiniteOneIsUnknown() {
    AlertRule drift = rule(MonitoredMetric.DRIFT_SCORE, Comparison.ABOVE, 0.1);
    AlertRule accuracy = rule(MonitoredMetric.ACCURACY, Comparison.BELOW, 0.8);

    assertThat(RuleCheck.evaluate(drift, OptionalDouble.empty())).isEqualTo(RuleOutcome.UNKNOWN);
    assertThat(check(drift, Double.NaN)).isEqualTo(RuleOutcome.UNKNOWN);
    assertThat(check(drift, Double.POSITIVE_INFINITY)).isEqualTo(RuleOutcome.UNKNOWN);
    assertThat(check(accuracy, Double.NEGATIVE_INFINITY)).isEqualTo(RuleOutcome.UNKNOWN);
  }

  @Test
  void comparisonsAreStrict() {
    assertThat(Comparison.ABOVE.breached(1.0, 0.5)).isTrue();
    assertThat(Comparison.ABOVE.breached(0.5, 0.5)).isFalse();
    assertThat(Comparison.BELOW.breached(0.4, 0.5)).isTrue();
    assertThat(Comparison.BELOW.breached(0.5, 0.5)).isFalse();
  }
}
