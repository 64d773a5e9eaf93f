package org.mlplatform.domain.monitoring;

/**
 * The drift tests, each with Evidently's default threshold. A p-value test reports drift when its
 * p-value is below the threshold; a distance reports drift when it is at or above the threshold.
 */
public enum DriftMethod {
  /** Two-sample Kolmogorov–Smirnov test, two-sided; numbers only. Evidently's {@code ks}. */
  KOLMOGOROV_SMIRNOV(ScoreType.P_VALUE, 0.05, true),
  /**
   * Chi-square goodness of fit of the current category counts against the reference proportions,
   * over the union of categories. Evidently's {@code chisquare}.
   */
  CHI_SQUARE(ScoreType.P_VALUE, 0.05, false),
  /**
   * Two-proportion z-test, two-sided: the share of values other than the smallest category.
   * Evidently's {@code z}.
   */
  Z_TEST(ScoreType.P_VALUE, 0.05, false),
  /**
   * First Wasserstein distance divided by the reference's population standard deviation (at least
   * 0.001); numbers only. Evidently's {@code wasserstein}.
   */
  WASSERSTEIN(ScoreType.DISTANCE, 0.1, true),
  /**
   * Jensen–Shannon distance (natural logarithm, so at most sqrt(ln 2) ≈ 0.83) between the category
   * shares, or between Sturges histograms for numbers with more than 20 distinct reference values.
   * Evidently's {@code jensenshannon}.
   */
  JENSEN_SHANNON(ScoreType.DISTANCE, 0.1, false),
  /**
   * Population stability index, the same figure every result reports beside its test: over
   * reference deciles for numerical columns, over categories otherwise.
   */
  PSI(ScoreType.DISTANCE, 0.1, false);

  /** What a method's score is, which decides the direction of the threshold. */
  public enum ScoreType {
    /** Drift when the score is below the threshold. */
    P_VALUE,
    /** Drift when the score is at or above the threshold. */
    DISTANCE
  }

  private final ScoreType scoreType;
  private final double defaultThreshold;
  private final boolean numbersOnly;

  DriftMethod(ScoreType scoreType, double defaultThreshold, boolean numbersOnly) {
    this.scoreType = scoreType;
    this.defaultThreshold = defaultThreshold;
    this.numbersOnly = numbersOnly;
  }

  public ScoreType scoreType() {
    return scoreType;
  }

  public double defaultThreshold() {
    return defaultThreshold;
  }

  /** Whether the method needs numeric values (it cannot compare strings). */
  public boolean numbersOnly() {
    return numbersOnly;
  }

  /** The verdict for a score against a threshold, in this method's direction. */
  public boolean drifted(double score, double threshold) {
    return scoreType == ScoreType.P_VALUE ? score < threshold : score >= threshold;
  }

  /** Rejects a threshold this method cannot use: negative, or a p-value threshold above 1. */
  void checkThreshold(double threshold) {
    Require.nonNegativeFinite(threshold, "threshold");
    Require.that(
        scoreType != ScoreType.P_VALUE || threshold <= 1,
        "threshold",
        "threshold of the p-value method " + this + " must be at most 1, was " + threshold);
  }
}
