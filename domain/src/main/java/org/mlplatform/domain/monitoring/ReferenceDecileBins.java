package org.mlplatform.domain.monitoring;

import java.util.Arrays;

/**
 * Up to ten bins cut at the reference deciles (NumPy's default linear quantiles), closed on the
 * right like {@code pandas.qcut}; deciles that coincide (many ties) merge into one edge.
 */
final class ReferenceDecileBins {

  private static final int BINS = 10;

  private ReferenceDecileBins() {}

  static BinCounts of(double[] sortedReference, double[] sortedCurrent) {
    double[] edges = Arrays.stream(decilesOf(sortedReference)).distinct().sorted().toArray();
    return new BinCounts(countPerBin(sortedReference, edges), countPerBin(sortedCurrent, edges));
  }

  private static double[] decilesOf(double[] sorted) {
    double[] deciles = new double[BINS - 1];
    for (int k = 1; k < BINS; k++) {
      deciles[k - 1] = linearQuantile(sorted, k / (double) BINS);
    }
    return deciles;
  }

  /** {@code numpy.quantile(values, q)} with {@code method="linear"}, on sorted values. */
  static double linearQuantile(double[] sorted, double q) {
    double virtualIndex = (sorted.length - 1) * q;
    int below = (int) Math.floor(virtualIndex);
    int above = Math.min(below + 1, sorted.length - 1);
    double gamma = virtualIndex - below;
    double low = sorted[below];
    double high = sorted[above];
    double span = high - low;
    // NumPy interpolates from the nearer end, which keeps the result exact at gamma 0 and 1.
    return gamma >= 0.5 ? high - span * (1 - gamma) : low + span * gamma;
  }

  /** A value falls in the bin after the last edge below it: bins are (edge[i-1], edge[i]]. */
  private static long[] countPerBin(double[] values, double[] edges) {
    long[] counts = new long[edges.length + 1];
    for (double value : values) {
      counts[edgesBelow(edges, value)]++;
    }
    return counts;
  }

  private static int edgesBelow(double[] edges, double value) {
    int low = 0;
    int high = edges.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (edges[middle] < value) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }
}
