package org.mlplatform.domain.monitoring;

/**
 * Equal-width bins over the range of both samples together, as many as Sturges' rule gives, the way
 * Evidently bins a numerical column with more than 20 distinct values for the Jensen–Shannon
 * distance: {@code np.histogram_bin_edges(concat, bins="sturges")} then {@code np.histogram} of
 * each side (bins closed on the left, the last one on both ends).
 */
final class SturgesBins {

  private SturgesBins() {}

  static BinCounts of(double[] sortedReference, double[] sortedCurrent) {
    double[] edges = edges(sortedReference, sortedCurrent);
    return new BinCounts(countPerBin(sortedReference, edges), countPerBin(sortedCurrent, edges));
  }

  static double[] edges(double[] sortedReference, double[] sortedCurrent) {
    int size = sortedReference.length + sortedCurrent.length;
    double first = Math.min(sortedReference[0], sortedCurrent[0]);
    double last =
        Math.max(
            sortedReference[sortedReference.length - 1], sortedCurrent[sortedCurrent.length - 1]);
    if (first == last) {
      first -= 0.5;
      last += 0.5;
    }
    double width = (last - first) / (log2(size) + 1.0);
    int bins = width == 0 ? 1 : (int) Math.ceil((last - first) / width);
    // np.linspace: i * step + first, with the last edge set exactly.
    double step = (last - first) / bins;
    double[] edges = new double[bins + 1];
    for (int i = 0; i < bins; i++) {
      edges[i] = i * step + first;
    }
    edges[bins] = last;
    return edges;
  }

  /** Exact for powers of two, where rounding would otherwise decide the ceiling above. */
  private static double log2(int size) {
    if (Integer.bitCount(size) == 1) {
      return Integer.numberOfTrailingZeros(size);
    }
    return Math.log(size) / Math.log(2);
  }

  private static long[] countPerBin(double[] values, double[] edges) {
    int bins = edges.length - 1;
    long[] counts = new long[bins];
    for (double value : values) {
      counts[Math.min(edgesAtOrBelow(edges, value) - 1, bins - 1)]++;
    }
    return counts;
  }

  private static int edgesAtOrBelow(double[] edges, double value) {
    int low = 0;
    int high = edges.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (edges[middle] <= value) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }
}
