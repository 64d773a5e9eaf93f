package org.mlplatform.domain.monitoring;

/** The usual reading of a population stability index. */
public enum PsiBand {
  /** PSI below 0.1. */
  NONE,
  /** PSI from 0.1 up to 0.25. */
  MODERATE,
  /** PSI of 0.25 or more. */
  SIGNIFICANT;

  static final double MODERATE_FROM = 0.1;
  static final double SIGNIFICANT_FROM = 0.25;

  /** The band a PSI value falls in. */
  public static PsiBand of(double psi) {
    Require.nonNegativeFinite(psi, "psi");
    if (psi >= SIGNIFICANT_FROM) {
      return SIGNIFICANT;
    }
    return psi >= MODERATE_FROM ? MODERATE : NONE;
  }
}
