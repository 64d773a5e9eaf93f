package org.mlplatform.portal.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.mlplatform.domain.monitoring.ColumnDriftResult;
import org.mlplatform.domain.monitoring.history.MonitoringSnapshot;
import org.mlplatform.domain.monitoring.history.SnapshotColumn;
import org.mlplatform.domain.monitoring.quality.ColumnQualityResult;
import org.mlplatform.domain.monitoring.quality.RowShare;
import org.mlplatform.domain.monitoring.window.WindowReport;
import org.mlplatform.domain.serving.TrafficBucket;

/** A report as the snapshot kept in the history: one line per column, the scores and shares. */
final class Snapshots {

  private Snapshots() {}

  static MonitoringSnapshot of(MonitoringReport report, Instant at) {
    List<SnapshotColumn> columns = new ArrayList<>();
    double share = 0;
    boolean drifted = false;
    if (report.window().isPresent()) {
      WindowReport window = report.window().get();
      share = window.features().shareDrifted();
      drifted = window.features().datasetDrifted();
      for (ColumnDriftResult column : window.features().columns()) {
        columns.add(column(column, quality(window, column.column())));
      }
      window
          .prediction()
          .ifPresent(p -> columns.add(column(p, quality(window, WindowReport.PREDICTION))));
    }
    return new MonitoringSnapshot(
        UUID.randomUUID(),
        report.model(),
        report.version(),
        at,
        report.from(),
        report.to(),
        report.rows(),
        share,
        drifted,
        columns,
        finite(report.performance().metrics()),
        report.performance().labelledRows(),
        meanLatency(report.traffic()));
  }

  private static Optional<ColumnQualityResult> quality(WindowReport window, String column) {
    return window.quality().stream().filter(q -> q.column().equals(column)).findFirst();
  }

  private static SnapshotColumn column(ColumnDriftResult drift, Optional<ColumnQualityResult> q) {
    return new SnapshotColumn(
        drift.column(),
        drift.kind().map(k -> k.name().toLowerCase(Locale.ROOT)),
        drift.method().map(m -> m.name().toLowerCase(Locale.ROOT)),
        drift.threshold(),
        drift.score(),
        drift.drifted(),
        drift.psi(),
        q.map(r -> share(r.current().missing())).orElse(OptionalDouble.empty()),
        q.flatMap(ColumnQualityResult::outOfRange)
            .map(Snapshots::share)
            .orElse(OptionalDouble.empty()),
        q.flatMap(ColumnQualityResult::newCategories)
            .map(n -> share(n.share()))
            .orElse(OptionalDouble.empty()),
        drift.isComputed() ? SnapshotColumn.COMPUTED : SnapshotColumn.NOT_COMPUTABLE,
        drift
            .reason()
            .map(
                r ->
                    r.length() > SnapshotColumn.REASON_MAX
                        ? r.substring(0, SnapshotColumn.REASON_MAX)
                        : r));
  }

  /** Metrics a window left undefined (R² of constant truth) stay out of the history. */
  private static java.util.Map<String, Double> finite(java.util.Map<String, Double> metrics) {
    java.util.Map<String, Double> kept = new java.util.LinkedHashMap<>();
    metrics.forEach(
        (name, value) -> {
          if (value != null && Double.isFinite(value)) {
            kept.put(name, value);
          }
        });
    return kept;
  }

  private static OptionalDouble share(RowShare share) {
    return share.value();
  }

  /** Mean latency over the window's buckets, weighted by their predictions; 0 with none. */
  static double meanLatency(List<TrafficBucket> traffic) {
    long predictions = 0;
    double micros = 0;
    for (TrafficBucket bucket : traffic) {
      predictions += bucket.predictions();
      micros += bucket.meanLatencyMicros() * bucket.predictions();
    }
    return predictions == 0 ? 0 : micros / predictions;
  }
}
