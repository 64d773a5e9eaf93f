package org.mlplatform.domain.monitoring.performance;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mlplatform.domain.DomainValidationException;

/**
 * The trainer's regression metrics (see {@code RegressorTraining}), with the definitions of
 * Tribuo's {@code RegressionEvaluator} for one output and unit weights: {@code rmse} the root of
 * the mean squared error, {@code mae} the mean absolute error, {@code r2} one minus the squared
 * error over the squared deviation of the true values from their mean. Anything not finite is left
 * out, so no rows give no metrics and constant true values give no {@code r2}.
 */
public final class RegressionMetrics {

  private RegressionMetrics() {}

  /**
   * @param truth each row's true value
   * @param predicted each row's predicted value, in the same order
   * @return the metrics by name, in the order {@code rmse}, {@code mae}, {@code r2}
   * @throws DomainValidationException naming {@code predicted} when the arrays differ in length
   */
  public static Map<String, Double> of(double[] truth, double[] predicted) {
    if (truth.length != predicted.length) {
      throw new DomainValidationException(
          "predicted", "predicted has " + predicted.length + " rows, truth has " + truth.length);
    }
    int n = truth.length;
    double squaredError = 0;
    double absoluteError = 0;
    double truthSum = 0;
    for (int r = 0; r < n; r++) {
      double error = truth[r] - predicted[r];
      squaredError += error * error;
      absoluteError += Math.abs(error);
      truthSum += truth[r];
    }
    double truthMean = truthSum / n;
    double squaredDeviation = 0;
    for (double value : truth) {
      squaredDeviation += (value - truthMean) * (value - truthMean);
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("rmse", Math.sqrt(squaredError / n));
    metrics.put("mae", absoluteError / n);
    metrics.put("r2", 1 - squaredError / squaredDeviation);
    metrics.values().removeIf(value -> !Double.isFinite(value));
    return metrics;
  }
}
