package org.mlplatform.portal.monitoring;

import java.util.Optional;
import java.util.OptionalDouble;
import org.mlplatform.domain.monitoring.ColumnDriftResult;
import org.mlplatform.domain.monitoring.alerts.AlertRule;
import org.mlplatform.domain.monitoring.quality.ColumnQualityResult;
import org.mlplatform.domain.monitoring.quality.RowShare;
import org.mlplatform.domain.monitoring.window.WindowReport;
import org.mlplatform.domain.serving.TrafficBucket;

/**
 * The value a rule watches, read from a report; empty when the report could not compute it (no
 * baseline, no rows, no ground truth, a column that is not computable), so the rule waits.
 */
final class ObservedValues {

  private ObservedValues() {}

  static OptionalDouble of(MonitoringReport report, AlertRule rule) {
    String column = rule.feature().orElse("");
    Optional<WindowReport> window = report.window();
    return switch (rule.metric()) {
      case DATASET_DRIFT_SHARE ->
          window
              .filter(w -> w.features().computedColumns() > 0)
              .map(w -> OptionalDouble.of(w.features().shareDrifted()))
              .orElse(OptionalDouble.empty());
      case DRIFT_SCORE -> drift(window, column).map(ColumnDriftResult::score).orElse(none());
      case PSI -> drift(window, column).map(ColumnDriftResult::psi).orElse(none());
      case MISSING_SHARE -> quality(window, column).map(ObservedValues::missing).orElse(none());
      case OUT_OF_RANGE_SHARE ->
          quality(window, column)
              .flatMap(ColumnQualityResult::outOfRange)
              .map(RowShare::value)
              .orElse(none());
      case NEW_CATEGORY_SHARE ->
          quality(window, column)
              .flatMap(ColumnQualityResult::newCategories)
              .map(n -> n.share().value())
              .orElse(none());
      case VOLUME -> OptionalDouble.of(predictions(report));
      case MEAN_LATENCY_MS ->
          predictions(report) == 0
              ? none()
              : OptionalDouble.of(Snapshots.meanLatency(report.traffic()) / 1_000);
      default -> {
        Double value = report.performance().metrics().get(rule.metric().key());
        yield value == null ? none() : OptionalDouble.of(value);
      }
    };
  }

  private static long predictions(MonitoringReport report) {
    return report.traffic().stream().mapToLong(TrafficBucket::predictions).sum();
  }

  /** Missing or NaN: the log cannot tell a missing input from a NaN one. */
  private static OptionalDouble missing(ColumnQualityResult quality) {
    OptionalDouble missing = quality.current().missing().value();
    OptionalDouble nan = quality.current().nan().value();
    if (missing.isEmpty() || nan.isEmpty()) {
      return none();
    }
    return OptionalDouble.of(missing.getAsDouble() + nan.getAsDouble());
  }

  private static Optional<ColumnDriftResult> drift(Optional<WindowReport> window, String column) {
    if (window.isEmpty()) {
      return Optional.empty();
    }
    if (WindowReport.PREDICTION.equals(column)) {
      return window.get().prediction().filter(ColumnDriftResult::isComputed);
    }
    return window.get().features().column(column).filter(ColumnDriftResult::isComputed);
  }

  private static Optional<ColumnQualityResult> quality(
      Optional<WindowReport> window, String column) {
    return window.flatMap(
        w ->
            w.quality().stream()
                .filter(q -> q.column().equals(column) && q.isComputed())
                .findFirst());
  }

  private static OptionalDouble none() {
    return OptionalDouble.empty();
  }
}
