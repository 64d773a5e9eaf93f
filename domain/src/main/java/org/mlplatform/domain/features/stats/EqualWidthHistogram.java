package org.mlplatform.domain.features.stats;

import java.util.ArrayList;
import java.util.List;

/** Equal-width bins over {@code [min, max]} counted from every value (while all are kept). */
final class EqualWidthHistogram {

  private EqualWidthHistogram() {}

  /** {@code binCount} bins over {@code [min, max]}, {@code min < max}, counting every value. */
  static List<HistogramBin> of(double[] values, double min, double max, int binCount) {
    double[] edges = new double[binCount + 1];
    for (int i = 0; i < binCount; i++) {
      edges[i] = RangeMath.interpolate(min, max, (double) i / binCount);
    }
    edges[binCount] = max;
    long[] counts = new long[binCount];
    for (double value : values) {
      counts[binOf(value, edges, min, max)]++;
    }
    List<HistogramBin> bins = new ArrayList<>(binCount);
    for (int i = 0; i < binCount; i++) {
      bins.add(new HistogramBin(edges[i], edges[i + 1], counts[i]));
    }
    return bins;
  }

  /**
   * The bin whose edges hold {@code value}. Arithmetic only guesses it (rounding, or an overflowing
   * range that makes the guess 0); comparing with the edges themselves settles it, so re-binning
   * against the reported edges gives the same counts.
   */
  private static int binOf(double value, double[] edges, double min, double max) {
    int last = edges.length - 2;
    double guess = (value - min) / (max - min) * (last + 1);
    int bin = Double.isNaN(guess) ? 0 : (int) Math.clamp(guess, 0, last);
    while (bin > 0 && value < edges[bin]) {
      bin--;
    }
    while (bin < last && value >= edges[bin + 1]) {
      bin++;
    }
    return bin;
  }
}
