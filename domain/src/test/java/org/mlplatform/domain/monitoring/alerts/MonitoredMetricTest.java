package org.mlplatform.domain.monitoring.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlplatform.domain.DomainValidationException;

class MonitoredMetricTest {

  @ParameterizedTest
  @EnumSource(MonitoredMetric.class)
  void everyKeyReadsBackAsItsMetric(MonitoredMetric metric) {
    assertThat(MonitoredMetric.fromKey(metric.key())).isSameAs(metric);
    assertThat(metric.key()).matches("[a-z][a-z0-9_]*");
  }

  @Test
  void keysAreTheNamesInLowerCase() {
    for (MonitoredMetric metric : MonitoredMetric.values()) {
      assertThat(metric.key()).isEqualTo(metric.name().toLowerCase(Locale.ROOT));
    }
  }

  @Test
  void driftAndDataQualityAreMeasuredPerFeature() {
    assertThat(Arrays.stream(MonitoredMetric.values()).filter(MonitoredMetric::needsFeature))
        .containsExactly(
            MonitoredMetric.DRIFT_SCORE,
            MonitoredMetric.PSI,
            MonitoredMetric.MISSING_SHARE,
            MonitoredMetric.OUT_OF_RANGE_SHARE,
            MonitoredMetric.NEW_CATEGORY_SHARE);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"DRIFT_SCORE", "drift score", "latency"})
  void anUnknownKeyIsRefusedWithTheValidOnes(String key) {
    assertThatThrownBy(() -> MonitoredMetric.fromKey(key))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("metric"))
        .hasMessageContaining("is not a monitored metric")
        .hasMessageContaining("dataset_drift_share, drift_score, psi")
        .hasMessageContaining("mean_latency_ms")
        .hasMessageEndingWith("r2");
  }

  @Test
  void comparisonsSeverityAndStatusKeysRoundTrip() {
    for (Comparison comparison : Comparison.values()) {
      assertThat(Comparison.fromKey(comparison.key())).isSameAs(comparison);
    }
    for (AlertSeverity severity : AlertSeverity.values()) {
      assertThat(AlertSeverity.fromKey(severity.key())).isSameAs(severity);
    }
    for (AlertStatus status : AlertStatus.values()) {
      assertThat(AlertStatus.fromKey(status.key())).isSameAs(status);
    }
    assertThat(Comparison.ABOVE.key()).isEqualTo("above");
    assertThat(AlertSeverity.CRITICAL.key()).isEqualTo("critical");
    assertThat(AlertStatus.ACKNOWLEDGED.key()).isEqualTo("acknowledged");
  }

  @Test
  void unknownComparisonSeverityAndStatusKeysNameTheirField() {
    assertThatThrownBy(() -> Comparison.fromKey("over"))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("comparison"))
        .hasMessage("'over' is not a comparison; use above or below");
    assertThatThrownBy(() -> AlertSeverity.fromKey("WARNING"))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("severity"))
        .hasMessageContaining("use info, warning or critical");
    assertThatThrownBy(() -> AlertStatus.fromKey(null))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("status"))
        .hasMessageContaining("use open, acknowledged or resolved");
  }
}
