package org.mlplatform.workflows.retraining;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One model's metrics on the held-out rows, named and defined as the trainer reports them.
 *
 * @param metrics by name, in the trainer's order; a metric that is undefined on these rows (an AUC
 *     without both kinds of rows, for example) is left out, as the trainer leaves it out
 * @param rowsScored held-out rows the metrics are computed on
 * @param rowsSkipped held-out rows the model could not be judged on: their class is not one of its
 *     output labels. Rows without a label are not held-out rows at all; the split leaves them out
 *     as training does.
 */
public record HeldOutMetrics(
    TaskKind kind, Map<String, Double> metrics, long rowsScored, long rowsSkipped) {

  public HeldOutMetrics {
    Objects.requireNonNull(kind, "kind");
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    if (rowsScored < 0 || rowsSkipped < 0) {
      throw new IllegalArgumentException(
          "row counts cannot be negative: " + rowsScored + ", " + rowsSkipped);
    }
  }

  /** The name of the metric that ranks models: {@code accuracy} or {@code rmse}. */
  public String primaryMetricName() {
    return kind.primaryMetric();
  }

  /** The value of {@link #primaryMetricName()}, or NaN when it is undefined on these rows. */
  public double primaryMetric() {
    return metrics.getOrDefault(kind.primaryMetric(), Double.NaN);
  }

  /**
   * How much better this model does than {@code other} on the primary metric, in its units:
   * positive when this one is better (accuracy higher, rmse lower), for comparing against a margin.
   * NaN when either metric is undefined.
   *
   * @throws IllegalArgumentException when the two are of different kinds
   */
  public double improvementOver(HeldOutMetrics other) {
    requireSameKind(other);
    double difference = primaryMetric() - other.primaryMetric();
    return kind.higherIsBetter() ? difference : -difference;
  }

  /**
   * Whether this model does strictly better than {@code other} on the primary metric (higher
   * accuracy, lower rmse). An undefined primary metric (a regressor that predicted NaN, say) loses
   * to any defined one, and two undefined ones tie.
   *
   * @throws IllegalArgumentException when the two are of different kinds
   */
  public boolean isBetterThan(HeldOutMetrics other) {
    requireSameKind(other);
    double mine = primaryMetric();
    double theirs = other.primaryMetric();
    if (Double.isNaN(mine) || Double.isNaN(theirs)) {
      return !Double.isNaN(mine);
    }
    return improvementOver(other) > 0;
  }

  private void requireSameKind(HeldOutMetrics other) {
    if (other.kind != kind) {
      throw new IllegalArgumentException(
          "cannot rank a " + kind + " model against a " + other.kind + " model");
    }
  }
}
