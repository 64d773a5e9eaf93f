package org.mlplatform.domain.features.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The quantiles a baseline reports, by linear interpolation between closest ranks (the common
 * default of NumPy and R's type 7), so 1..100 has a median of 50.5.
 */
final class Quantiles {

  private static final Map<String, Double> PROBABILITIES = probabilities();

  private Quantiles() {}

  private static Map<String, Double> probabilities() {
    Map<String, Double> probabilities = new LinkedHashMap<>();
    probabilities.put("p01", 0.01);
    probabilities.put("p05", 0.05);
    probabilities.put("p25", 0.25);
    probabilities.put("p50", 0.50);
    probabilities.put("p75", 0.75);
    probabilities.put("p95", 0.95);
    probabilities.put("p99", 0.99);
    return probabilities;
  }

  /** The quantiles of non-empty, ascending {@code sorted}, keyed {@code p01 ... p99}. */
  static Map<String, Double> of(double[] sorted) {
    Map<String, Double> quantiles = new LinkedHashMap<>();
    PROBABILITIES.forEach((key, probability) -> quantiles.put(key, at(sorted, probability)));
    return quantiles;
  }

  private static double at(double[] sorted, double probability) {
    double rank = (sorted.length - 1) * probability;
    int below = (int) Math.floor(rank);
    int above = Math.min(below + 1, sorted.length - 1);
    return RangeMath.interpolate(sorted[below], sorted[above], rank - below);
  }
}
