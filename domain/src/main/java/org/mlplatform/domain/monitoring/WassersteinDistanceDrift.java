package org.mlplatform.domain.monitoring;

/**
 * First Wasserstein distance between two samples divided by the reference's population standard
 * deviation ({@code np.std}, ddof 0), floored at 0.001, as Evidently's {@code wasserstein}. The
 * distance is {@code scipy.stats.wasserstein_distance}: the area between the two empirical CDFs.
 */
final class WassersteinDistanceDrift {

  /** Evidently's floor for the norm, so a near-constant reference does not divide by zero. */
  static final double MIN_NORM = 0.001;

  private WassersteinDistanceDrift() {}

  static double normed(double[] sortedReference, double[] sortedCurrent) {
    double norm = Math.max(populationStandardDeviation(sortedReference), MIN_NORM);
    return distance(sortedReference, sortedCurrent) / norm;
  }

  /** The integral of |F_u - F_v| over the merged sample points; both arrays sorted ascending. */
  static double distance(double[] sortedU, double[] sortedV) {
    double[] merged = merge(sortedU, sortedV);
    int belowU = 0;
    int belowV = 0;
    double area = 0;
    for (int k = 0; k < merged.length - 1; k++) {
      double x = merged[k];
      while (belowU < sortedU.length && sortedU[belowU] <= x) {
        belowU++;
      }
      while (belowV < sortedV.length && sortedV[belowV] <= x) {
        belowV++;
      }
      double cdfGap = Math.abs((double) belowU / sortedU.length - (double) belowV / sortedV.length);
      area += cdfGap * (merged[k + 1] - x);
    }
    return area;
  }

  static double populationStandardDeviation(double[] values) {
    double mean = 0;
    for (double value : values) {
      mean += value;
    }
    mean /= values.length;
    double squares = 0;
    for (double value : values) {
      double deviation = value - mean;
      squares += deviation * deviation;
    }
    return Math.sqrt(squares / values.length);
  }

  private static double[] merge(double[] sortedU, double[] sortedV) {
    double[] merged = new double[sortedU.length + sortedV.length];
    int u = 0;
    int v = 0;
    for (int k = 0; k < merged.length; k++) {
      boolean takeU = v == sortedV.length || (u < sortedU.length && sortedU[u] <= sortedV[v]);
      merged[k] = takeU ? sortedU[u++] : sortedV[v++];
    }
    return merged;
  }
}
