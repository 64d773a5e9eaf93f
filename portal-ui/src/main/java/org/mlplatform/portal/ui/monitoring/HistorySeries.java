package org.mlplatform.portal.ui.monitoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.mlplatform.domain.monitoring.history.MonitoringSnapshot;
import org.mlplatform.domain.monitoring.history.SnapshotColumn;
import org.mlplatform.portal.ui.charts.Chart;

/**
 * A model's snapshots as chart series, one point per snapshot at its computation time: each
 * column's PSI, the share of drifted features, and each performance metric. A snapshot without a
 * value (a column not computable, no ground truth) leaves a gap, not a zero.
 *
 * @param times the snapshots' computation times, oldest first
 * @param psi per column, in the order the columns first appear, its PSI per snapshot
 * @param shareDrifted the share of drifted features per snapshot, 0 to 1
 * @param performance per metric, by name, its value per snapshot
 */
record HistorySeries(
    List<String> times,
    Map<String, List<Double>> psi,
    List<Double> shareDrifted,
    Map<String, List<Double>> performance) {

  HistorySeries {
    times = List.copyOf(times);
    psi = Collections.unmodifiableMap(new LinkedHashMap<>(psi));
    shareDrifted = List.copyOf(shareDrifted);
    performance = Collections.unmodifiableMap(new LinkedHashMap<>(performance));
  }

  /** The series of {@code snapshots}, which come oldest first. */
  static HistorySeries of(List<MonitoringSnapshot> snapshots) {
    List<String> times = new ArrayList<>(snapshots.size());
    List<Double> share = new ArrayList<>(snapshots.size());
    Map<String, List<Double>> psi = new LinkedHashMap<>();
    TreeSet<String> metrics = new TreeSet<>();
    for (MonitoringSnapshot snapshot : snapshots) {
      snapshot.columns().forEach(c -> psi.putIfAbsent(c.column(), new ArrayList<>()));
      metrics.addAll(snapshot.performance().keySet());
    }
    Map<String, List<Double>> performance = new LinkedHashMap<>();
    metrics.forEach(m -> performance.put(m, new ArrayList<>()));
    for (MonitoringSnapshot snapshot : snapshots) {
      times.add(MonitoringText.chartSecond(snapshot.computedAt()));
      share.add(snapshot.shareDrifted());
      Map<String, Double> byColumn = new LinkedHashMap<>();
      for (SnapshotColumn column : snapshot.columns()) {
        byColumn.put(column.column(), column.psi().isPresent() ? column.psi().getAsDouble() : null);
      }
      psi.forEach((column, values) -> values.add(byColumn.get(column)));
      performance.forEach((metric, values) -> values.add(snapshot.performance().get(metric)));
    }
    // List.copyOf refuses nulls: the gaps are kept in unmodifiable views instead.
    psi.replaceAll((k, v) -> Collections.unmodifiableList(v));
    performance.replaceAll((k, v) -> Collections.unmodifiableList(v));
    return new HistorySeries(times, psi, share, performance);
  }

  boolean isEmpty() {
    return times.isEmpty();
  }

  boolean hasPerformance() {
    return !performance.isEmpty();
  }

  /**
   * PSI per column on the left axis, the share of drifted features (in %) on the right. PSI, not
   * each method's own score: it is on one scale for every column, where a p-value of 1e-90 and a
   * distance of 0.3 are not.
   */
  Chart driftChart() {
    Map<String, List<? extends Number>> share = new LinkedHashMap<>();
    share.put("drifted features %", shareDrifted.stream().map(s -> s * 100).toList());
    return Chart.lines(
        "PSI per column (0.1 moderate, 0.25 significant) and share of drifted features (UTC)",
        times,
        new Chart.Axis("PSI", new LinkedHashMap<>(psi)),
        new Chart.Axis("%", share));
  }

  /** Each performance metric over the snapshots that had ground truth. */
  Chart performanceChart() {
    return Chart.lines(
        "Performance per snapshot (UTC)",
        times,
        new Chart.Axis("value", new LinkedHashMap<>(performance)),
        null);
  }
}
