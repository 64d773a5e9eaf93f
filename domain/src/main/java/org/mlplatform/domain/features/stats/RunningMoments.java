package org.mlplatform.domain.features.stats;

/**
 * Count, min, max, mean and sample standard deviation in one pass with Welford's update, which
 * stays accurate where summing squares cancels catastrophically (1e9 + small noise).
 *
 * <p>Values are divided by a power of two (exact) once any exceeds 2^{@value #MAX_SCALED_EXPONENT},
 * so the sum of squared deviations cannot overflow even for values near {@code Double.MAX_VALUE}.
 */
final class RunningMoments {

  private static final int MAX_SCALED_EXPONENT = 400;

  private long count;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private int scale;
  private double scaledMean;
  private double scaledSquaredDeviations;

  void add(double value) {
    count++;
    min = Math.min(min, value);
    max = Math.max(max, value);
    int excess = Math.getExponent(value) - scale - MAX_SCALED_EXPONENT;
    if (excess > 0) {
      rescale(excess);
    }
    double scaled = Math.scalb(value, -scale);
    double delta = scaled - scaledMean;
    scaledMean += delta / count;
    scaledSquaredDeviations += delta * (scaled - scaledMean);
  }

  private void rescale(int extraScale) {
    scale += extraScale;
    scaledMean = Math.scalb(scaledMean, -extraScale);
    scaledSquaredDeviations = Math.scalb(scaledSquaredDeviations, -2 * extraScale);
  }

  long count() {
    return count;
  }

  double min() {
    return min;
  }

  double max() {
    return max;
  }

  /** The mean, kept within [min, max] against rounding. */
  double mean() {
    return Math.clamp(Math.scalb(scaledMean, scale), min, max);
  }

  /** Sample standard deviation (divisor n - 1), 0 for fewer than two values, never infinite. */
  double standardDeviation() {
    if (count < 2) {
      return 0;
    }
    double scaled = Math.sqrt(scaledSquaredDeviations / (count - 1));
    return Math.min(Math.scalb(scaled, scale), Double.MAX_VALUE);
  }
}
