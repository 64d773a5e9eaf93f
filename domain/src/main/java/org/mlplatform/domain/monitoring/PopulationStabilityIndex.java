package org.mlplatform.domain.monitoring;

/**
 * Population stability index, sum of (r - c) ln(r / c) over the bins, with Evidently's treatment of
 * empty bins: on each side an empty bin's share becomes 0.0001, or the smallest non-empty share
 * divided by a million when that share is itself at most 0.0001.
 */
final class PopulationStabilityIndex {

  static final double EMPTY_BIN_SHARE = 0.0001;
  private static final double SMALL_SHARE_DIVISOR = 1e6;

  private PopulationStabilityIndex() {}

  static double of(BinCounts bins) {
    double[] reference = withoutEmptyBins(bins.referenceShares());
    double[] current = withoutEmptyBins(bins.currentShares());
    double psi = 0;
    for (int bin = 0; bin < reference.length; bin++) {
      psi += (reference[bin] - current[bin]) * Math.log(reference[bin] / current[bin]);
    }
    return psi;
  }

  private static double[] withoutEmptyBins(double[] shares) {
    double smallest = Double.POSITIVE_INFINITY;
    for (double share : shares) {
      if (share != 0) {
        smallest = Math.min(smallest, share);
      }
    }
    double filler = smallest <= EMPTY_BIN_SHARE ? smallest / SMALL_SHARE_DIVISOR : EMPTY_BIN_SHARE;
    double[] filled = shares.clone();
    for (int bin = 0; bin < filled.length; bin++) {
      if (filled[bin] == 0) {
        filled[bin] = filler;
      }
    }
    return filled;
  }
}
