package org.mlplatform.domain.features.stats;

/**
 * Points within {@code [lo, hi]} that stay finite even when {@code hi - lo} overflows (a column
 * holding both -1e308 and 1e308), so no NaN or infinity leaks into the statistics.
 */
final class RangeMath {

  private RangeMath() {}

  /** The point {@code fraction} of the way from {@code lo} to {@code hi}. */
  static double interpolate(double lo, double hi, double fraction) {
    if (lo == hi || fraction == 0) {
      return lo;
    }
    double span = hi - lo;
    if (Double.isInfinite(span)) {
      return 2 * (lo / 2 + (hi / 2 - lo / 2) * fraction);
    }
    return lo + span * fraction;
  }
}
