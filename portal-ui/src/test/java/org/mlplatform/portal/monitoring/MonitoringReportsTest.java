package org.mlplatform.portal.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.monitoring.DriftAnalyzer;
import org.mlplatform.domain.monitoring.DriftOptions;
import org.mlplatform.domain.monitoring.alerts.AlertRule;
import org.mlplatform.domain.monitoring.alerts.AlertSeverity;
import org.mlplatform.domain.monitoring.alerts.Comparison;
import org.mlplatform.domain.monitoring.alerts.MonitoredMetric;
import org.mlplatform.domain.monitoring.history.MonitoringSnapshot;
import org.mlplatform.domain.monitoring.history.SnapshotColumn;
import org.mlplatform.domain.monitoring.window.Baseline;
import org.mlplatform.domain.monitoring.window.PredictionKind;
import org.mlplatform.domain.monitoring.window.WindowAnalyzer;
import org.mlplatform.domain.monitoring.window.WindowColumns;
import org.mlplatform.domain.monitoring.window.WindowReport;
import org.mlplatform.domain.serving.TrafficBucket;

/**
 * What rules observe in a report, how a report becomes a snapshot, and the distributions charted:
 * every metric a rule may watch reads the right number, or nothing when the report has none.
 */
class MonitoringReportsTest {

  private static final Instant FROM = Instant.parse("2026-06-01T00:00:00Z");
  private static final Instant TO = FROM.plus(Duration.ofHours(1));

  private static final Baseline BASELINE = baseline();

  private static Baseline baseline() {
    Random random = new Random(1);
    double[][] reference = new double[2][400];
    String[] labels = new String[400];
    for (int r = 0; r < 400; r++) {
      reference[0][r] = random.nextGaussian();
      reference[1][r] = random.nextGaussian();
      labels[r] = r % 2 == 0 ? "fraud" : "ok";
    }
    return new Baseline(
        List.of("a", "b"),
        reference,
        PredictionKind.LABEL,
        labels,
        new double[0],
        "training set t");
  }

  private static WindowColumns shiftedWindow() {
    Random random = new Random(2);
    WindowColumns window = new WindowColumns(List.of("a", "b"), PredictionKind.LABEL, 1_000);
    for (int r = 0; r < 300; r++) {
      double a = r < 30 ? Double.NaN : random.nextGaussian() + 3;
      window.addLabelled(new double[] {a, random.nextGaussian()}, 0, "fraud");
    }
    return window;
  }

  private static MonitoringReport report(
      Optional<WindowReport> window, Map<String, Double> metrics) {
    return new MonitoringReport(
        "fraud",
        3,
        FROM,
        TO,
        window.map(WindowReport::rows).orElse(0),
        Optional.of("training set t"),
        window,
        window.isPresent() ? Optional.empty() : Optional.of("no baseline"),
        List.of(
            new TrafficBucket(FROM, 100, 200, 900),
            new TrafficBucket(FROM.plusSeconds(60), 300, 400, 800)),
        new PerformanceReport(
            metrics.isEmpty() ? 0 : 50, metrics, Map.of("accuracy", 0.9), Optional.empty()));
  }

  private static MonitoringReport analysed() {
    WindowReport window =
        new WindowAnalyzer(DriftAnalyzer.withDefaults(), c -> DriftOptions.defaults())
            .analyze(BASELINE, shiftedWindow());
    return report(Optional.of(window), Map.of("accuracy", 0.5, "r2", Double.NaN));
  }

  private static AlertRule rule(MonitoredMetric metric, String feature) {
    return AlertRule.create(
        "fraud",
        Optional.ofNullable(feature),
        metric,
        Comparison.ABOVE,
        0.1,
        AlertSeverity.WARNING,
        false,
        "alice",
        FROM);
  }

  @Test
  void rulesObserveTheNumbersOfTheReport() {
    MonitoringReport report = analysed();

    assertThat(ObservedValues.of(report, rule(MonitoredMetric.DATASET_DRIFT_SHARE, null)))
        .hasValue(0.5);
    assertThat(ObservedValues.of(report, rule(MonitoredMetric.DRIFT_SCORE, "a")).getAsDouble())
        .isLessThan(0.05);
    assertThat(ObservedValues.of(report, rule(MonitoredMetric.PSI, "a")).getAsDouble())
        .isGreaterThan(0.25);
    assertThat(ObservedValues.of(report, rule(MonitoredMetric.MISSING_SHARE, "a")).getAsDouble())
        .isCloseTo(0.1, within(1e-12));
    assertThat(
            ObservedValues.of(report, rule(MonitoredMetric.OUT_OF_RANGE_SHARE, "a")).getAsDouble())
        .isGreaterThan(0.0);
    assertThat(ObservedValues.of(report, rule(MonitoredMetric.DRIFT_SCORE, "prediction")))
        .isPresent();
    assertThat(ObservedValues.of(report, rule(MonitoredMetric.NEW_CATEGORY_SHARE, "prediction")))
        .hasValue(0.0);
    assertThat(ObservedValues.of(report, rule(MonitoredMetric.VOLUME, null))).hasValue(400);
    assertThat(ObservedValues.of(report, rule(MonitoredMetric.MEAN_LATENCY_MS, null)))
        .hasValue(0.35);
    assertThat(ObservedValues.of(report, rule(MonitoredMetric.ACCURACY, null))).hasValue(0.5);
  }

  @Test
  void whatTheReportCannotSayLeavesTheRuleWaiting() {
    MonitoringReport empty = report(Optional.empty(), Map.of());

    for (MonitoredMetric metric : MonitoredMetric.values()) {
      if (metric == MonitoredMetric.VOLUME || metric == MonitoredMetric.MEAN_LATENCY_MS) {
        continue;
      }
      assertThat(ObservedValues.of(empty, rule(metric, metric.needsFeature() ? "a" : null)))
          .as(metric.key())
          .isEqualTo(OptionalDouble.empty());
    }
    assertThat(ObservedValues.of(analysed(), rule(MonitoredMetric.DRIFT_SCORE, "nope"))).isEmpty();
  }

  @Test
  void aSnapshotKeepsEveryColumnAndOnlyFiniteMetrics() {
    MonitoringSnapshot snapshot = Snapshots.of(analysed(), TO);

    assertThat(snapshot.columns())
        .extracting(SnapshotColumn::column)
        .containsExactly("a", "b", "prediction");
    SnapshotColumn a = snapshot.columns().getFirst();
    assertThat(a.drifted()).isTrue();
    assertThat(a.method()).contains("kolmogorov_smirnov");
    assertThat(a.missingShare().getAsDouble()).isCloseTo(0.0, within(1e-12));
    assertThat(snapshot.performance()).containsOnlyKeys("accuracy");
    assertThat(snapshot.meanLatencyMicros()).isEqualTo(350);
    assertThat(snapshot.shareDrifted()).isEqualTo(0.5);
    assertThat(snapshot.id()).isNotEqualTo(new UUID(0, 0));
  }

  @Test
  void distributionsShareEachSideOverTheSameBins() {
    Distribution numbers =
        Distributions.numbers("a", new double[] {0, 1, 2, 3}, new double[] {3, 3, Double.NaN});
    assertThat(numbers.bins()).hasSize(Distributions.NUMERIC_BINS);
    assertThat(numbers.reference().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(1.0, within(1e-9));
    assertThat(numbers.current().getLast()).isEqualTo(1.0);

    Distribution constant = Distributions.numbers("c", new double[] {5, 5}, new double[] {5});
    assertThat(constant.bins()).hasSize(1);
    assertThat(Distributions.numbers("e", new double[0], new double[0]).bins()).isEmpty();

    Distribution labels =
        Distributions.categories(
            "prediction", new String[] {"ok", "ok", "fraud"}, new String[] {"fraud", "new", null});
    assertThat(labels.bins()).containsExactly("ok", "fraud", "new");
    assertThat(labels.current()).containsExactly(0.0, 0.5, 0.5);
  }
}
