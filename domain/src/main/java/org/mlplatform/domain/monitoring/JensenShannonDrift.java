package org.mlplatform.domain.monitoring;

/**
 * Jensen–Shannon distance between the reference and current shares per bin, as {@code
 * scipy.spatial.distance.jensenshannon(p, q)} with its default natural logarithm (Evidently passes
 * no base): the square root of the mean Kullback–Leibler divergence of each side from their
 * average. Ranges from 0 to sqrt(ln 2).
 */
final class JensenShannonDrift {

  private JensenShannonDrift() {}

  static double distance(BinCounts bins) {
    double[] p = bins.referenceShares();
    double[] q = bins.currentShares();
    double fromP = 0;
    double fromQ = 0;
    for (int bin = 0; bin < p.length; bin++) {
      double mean = (p[bin] + q[bin]) / 2.0;
      fromP += relativeEntropy(p[bin], mean);
      fromQ += relativeEntropy(q[bin], mean);
    }
    // Rounding can leave a hair below zero for identical shares; the distance is never negative.
    return Math.sqrt(Math.max(0.0, (fromP + fromQ) / 2.0));
  }

  /** {@code scipy.special.rel_entr}: x ln(x / y), and 0 where x is 0. */
  private static double relativeEntropy(double x, double y) {
    return x == 0 ? 0.0 : x * Math.log(x / y);
  }
}
