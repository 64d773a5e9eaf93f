package org.mlplatform.domain.monitoring;

import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;

/**
 * Two-sided two-sample Kolmogorov–Smirnov p-value, as {@code scipy.stats.ks_2samp} gives it with
 * its default {@code method="auto"}: exact for samples under 10,000 values, asymptotic above.
 */
final class KolmogorovSmirnovDrift {

  /** Commons Statistics rejects samples with fewer values. */
  static final int MIN_VALUES = 2;

  private static final KolmogorovSmirnovTest TWO_SIDED = KolmogorovSmirnovTest.withDefaults();

  private KolmogorovSmirnovDrift() {}

  static double pValue(double[] reference, double[] current) {
    return TWO_SIDED.test(reference, current).getPValue();
  }
}
