package org.mlplatform.domain.monitoring;

import org.apache.commons.statistics.inference.ChiSquareTest;

/**
 * Chi-square goodness-of-fit p-value of the current counts against the reference proportions, over
 * the union of both sides' categories, as Evidently's {@code chisquare} computes it with {@code
 * scipy.stats.chisquare(f_obs, f_exp)} where {@code f_exp} is the reference counts scaled to the
 * current total.
 */
final class ChiSquareDrift {

  private static final ChiSquareTest GOODNESS_OF_FIT = ChiSquareTest.withDefaults();

  private ChiSquareDrift() {}

  static double pValue(BinCounts bins) {
    double[] expected = new double[bins.size()];
    long[] observed = new long[bins.size()];
    for (int bin = 0; bin < bins.size(); bin++) {
      if (bins.reference(bin) == 0) {
        // A category the reference never had is expected zero times: SciPy's statistic is then
        // infinite and its p-value 0. Commons Statistics refuses a zero expectation instead.
        return 0.0;
      }
      expected[bin] = bins.reference(bin);
      observed[bin] = bins.current(bin);
    }
    // The test scales the expected counts to the observed total itself.
    return GOODNESS_OF_FIT.test(expected, observed).getPValue();
  }
}
