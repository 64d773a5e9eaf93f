package org.mlplatform.domain.monitoring.history;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.mlplatform.domain.features.ResourceName;

/**
 * What one monitoring run found for a deployed model over a window of its prediction log. Instants
 * are kept to whole microseconds, as the database stores them.
 *
 * @param id the snapshot's identity
 * @param model the model (a valid {@link ResourceName})
 * @param version the version whose predictions were examined
 * @param computedAt when the run finished; history is ordered and trimmed by it
 * @param windowFrom the first instant of the window examined
 * @param windowTo the end of the window, exclusive, not before {@code windowFrom}
 * @param rows how many logged rows the window held
 * @param shareDrifted the share of the columns that drifted, 0 to 1
 * @param datasetDrifted whether the data set as a whole counts as drifted
 * @param columns the per-column verdicts in the order they are shown, names unique
 * @param performance metric name (at most {@value #METRIC_MAX} characters) to finite value, from
 *     the rows with ground truth; empty when there was none
 * @param labelledRows how many rows had ground truth
 * @param meanLatencyMicros the mean latency of the window's predictions
 */
public record MonitoringSnapshot(
    UUID id,
    String model,
    int version,
    Instant computedAt,
    Instant windowFrom,
    Instant windowTo,
    long rows,
    double shareDrifted,
    boolean datasetDrifted,
    List<SnapshotColumn> columns,
    Map<String, Double> performance,
    long labelledRows,
    double meanLatencyMicros) {

  /** The length of the {@code metric} column. */
  public static final int METRIC_MAX = 100;

  public MonitoringSnapshot {
    Guard.nonNull(id, "id");
    ResourceName.of("model", model);
    Guard.that(version >= 1, "version", "version numbers start at 1, got " + version);
    computedAt = micros(computedAt, "computedAt");
    windowFrom = micros(windowFrom, "windowFrom");
    windowTo = micros(windowTo, "windowTo");
    Guard.that(!windowTo.isBefore(windowFrom), "windowTo", "the window ends before it starts");
    Guard.that(rows >= 0, "rows", "rows is not negative, got " + rows);
    Guard.share(shareDrifted, "shareDrifted");
    columns = List.copyOf(Guard.nonNull(columns, "columns"));
    Set<String> names = new HashSet<>();
    for (SnapshotColumn column : columns) {
      Guard.that(names.add(column.column()), "columns", "column " + column.column() + " twice");
    }
    performance = Map.copyOf(Guard.nonNull(performance, "performance"));
    performance.forEach(
        (metric, value) -> {
          Guard.text(metric, "performance", METRIC_MAX);
          Guard.that(Double.isFinite(value), "performance", metric + " must be finite");
        });
    Guard.that(labelledRows >= 0, "labelledRows", "labelledRows is not negative");
    Guard.nonNegative(meanLatencyMicros, "meanLatencyMicros");
  }

  private static Instant micros(Instant instant, String field) {
    return Guard.nonNull(instant, field).truncatedTo(ChronoUnit.MICROS);
  }
}
