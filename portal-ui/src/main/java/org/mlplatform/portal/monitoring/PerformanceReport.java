package org.mlplatform.portal.monitoring;

import java.util.Map;
import java.util.Optional;

/**
 * How a version did on the window's predictions that got ground truth, beside the metrics it was
 * registered with (its held-out metrics).
 *
 * @param labelledRows predictions of the window with ground truth that could be scored
 * @param metrics metric name to value over those rows, named as the held-out metrics are
 * @param heldOut the version's registered metrics
 * @param reason why there are no metrics, when there are none
 */
public record PerformanceReport(
    long labelledRows,
    Map<String, Double> metrics,
    Map<String, Double> heldOut,
    Optional<String> reason) {

  public PerformanceReport {
    metrics = Map.copyOf(metrics);
    heldOut = Map.copyOf(heldOut);
  }

  static PerformanceReport none(Map<String, Double> heldOut, String reason) {
    return new PerformanceReport(0, Map.of(), heldOut, Optional.of(reason));
  }
}
