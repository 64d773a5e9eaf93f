package org.mlplatform.workflows.retraining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HeldOutMetricsTest {

  @Test
  void classifiersRankByHigherAccuracy() {
    HeldOutMetrics better = classifier(0.9);
    HeldOutMetrics worse = classifier(0.8);

    assertThat(better.primaryMetricName()).isEqualTo("accuracy");
    assertThat(better.primaryMetric()).isEqualTo(0.9);
    assertThat(better.isBetterThan(worse)).isTrue();
    assertThat(worse.isBetterThan(better)).isFalse();
    assertThat(better.isBetterThan(classifier(0.9))).isFalse();
    assertThat(better.improvementOver(worse)).isCloseTo(0.1, within(1e-12));
    assertThat(worse.improvementOver(better)).isCloseTo(-0.1, within(1e-12));
  }

  @Test
  void regressorsRankByLowerRmse() {
    HeldOutMetrics better = regressor(Map.of("rmse", 1.0, "r2", 0.5));
    HeldOutMetrics worse = regressor(Map.of("rmse", 2.0, "r2", 0.9));

    assertThat(better.primaryMetricName()).isEqualTo("rmse");
    assertThat(better.isBetterThan(worse)).isTrue();
    assertThat(worse.isBetterThan(better)).isFalse();
    assertThat(better.improvementOver(worse)).isEqualTo(1.0);
  }

  @Test
  void anUndefinedPrimaryMetricLosesToAnyDefinedOne() {
    HeldOutMetrics undefined = regressor(Map.of());

    assertThat(undefined.primaryMetric()).isNaN();
    assertThat(regressor(Map.of("rmse", 100.0)).isBetterThan(undefined)).isTrue();
    assertThat(undefined.isBetterThan(regressor(Map.of("rmse", 100.0)))).isFalse();
    assertThat(undefined.isBetterThan(regressor(Map.of()))).isFalse();
    assertThat(undefined.improvementOver(regressor(Map.of("rmse", 1.0)))).isNaN();
  }

  @Test
  void modelsOfDifferentKindsAreNotRanked() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> classifier(0.9).isBetterThan(regressor(Map.of("rmse", 1.0))));

    assertThat(refused).hasMessageContaining("CLASSIFICATION").hasMessageContaining("REGRESSION");
  }

  private static HeldOutMetrics classifier(double accuracy) {
    return new HeldOutMetrics(TaskKind.CLASSIFICATION, Map.of("accuracy", accuracy), 100, 0);
  }

  private static HeldOutMetrics regressor(Map<String, Double> metrics) {
    return new HeldOutMetrics(TaskKind.REGRESSION, metrics, 100, 0);
  }
}
