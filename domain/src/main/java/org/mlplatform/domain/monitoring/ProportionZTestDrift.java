package org.mlplatform.domain.monitoring;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Two-sided two-proportion z-test with a pooled proportion, as Evidently's {@code z} test: the
 * smallest value of the union of categories counts as 0 and every other value as 1 (so a value new
 * in the current data is lumped with the larger one).
 */
final class ProportionZTestDrift {

  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  private ProportionZTestDrift() {}

  static double pValue(BinCounts bins) {
    double referenceTotal = bins.referenceTotal();
    double currentTotal = bins.currentTotal();
    double referenceShare = (referenceTotal - bins.reference(0)) / referenceTotal;
    double currentShare = (currentTotal - bins.current(0)) / currentTotal;
    double pooled =
        (referenceShare * referenceTotal + currentShare * currentTotal)
            / (referenceTotal + currentTotal);
    double variance = pooled * (1 - pooled) * (1.0 / referenceTotal + 1.0 / currentTotal);
    if (variance == 0) {
      // Both sides hold one and the same value: nothing differs (Evidently answers 1 here too).
      return 1.0;
    }
    double z = (referenceShare - currentShare) / Math.sqrt(variance);
    // Evidently writes 2 * (1 - cdf(|z|)); the survival function is the same without cancellation.
    return 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z));
  }
}
