package org.mlplatform.portal.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mlplatform.domain.monitoring.window.WindowReport;
import org.mlplatform.domain.serving.TrafficBucket;

/**
 * One version's serving window held against its baseline.
 *
 * @param version the version whose predictions were read (others in the window are left out)
 * @param from the window's start (inclusive)
 * @param to the window's end (exclusive)
 * @param rows feature rows read from the window's predictions of this version
 * @param baselineSource where the baseline came from (the training set), when there is one
 * @param window drift and quality; empty when there is no baseline or no rows
 * @param reason why the window could not be analysed, when it could not
 * @param traffic predictions and latency per time bucket over the window, all versions
 * @param performance against ground truth
 */
public record MonitoringReport(
    String model,
    int version,
    Instant from,
    Instant to,
    long rows,
    Optional<String> baselineSource,
    Optional<WindowReport> window,
    Optional<String> reason,
    List<TrafficBucket> traffic,
    PerformanceReport performance) {

  public MonitoringReport {
    traffic = List.copyOf(traffic);
  }
}
