package org.mlplatform.portal.ui.monitoring;

import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.mlplatform.portal.monitoring.PerformanceReport;

/**
 * One metric of the performance table: its value on the window's labelled predictions beside the
 * value the version was registered with.
 */
record PerformanceRow(String metric, OptionalDouble current, OptionalDouble heldOut) {

  /** Every metric of either side, by name. */
  static List<PerformanceRow> of(PerformanceReport report) {
    TreeSet<String> metrics = new TreeSet<>(report.metrics().keySet());
    metrics.addAll(report.heldOut().keySet());
    return metrics.stream()
        .map(
            m ->
                new PerformanceRow(
                    m, value(report.metrics().get(m)), value(report.heldOut().get(m))))
        .toList();
  }

  private static OptionalDouble value(Double value) {
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  /** The current value less the held-out one, when both are there. */
  OptionalDouble change() {
    return current.isPresent() && heldOut.isPresent()
        ? OptionalDouble.of(current.getAsDouble() - heldOut.getAsDouble())
        : OptionalDouble.empty();
  }
}
