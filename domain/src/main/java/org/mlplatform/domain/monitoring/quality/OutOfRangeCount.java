package org.mlplatform.domain.monitoring.quality;

import org.mlplatform.domain.monitoring.Require;

/**
 * How many finite values of a current column fell outside the range of the reference it was built
 * against (see {@link ColumnProfileBuilder#againstReference}). Against a constant reference ({@code
 * referenceMin == referenceMax}) that is every value not equal to the constant.
 *
 * @param referenceMin the smallest finite reference value
 * @param referenceMax the largest finite reference value
 * @param below values less than {@code referenceMin}
 * @param above values greater than {@code referenceMax}
 */
public record OutOfRangeCount(double referenceMin, double referenceMax, long below, long above) {

  public OutOfRangeCount {
    Require.that(
        Double.isFinite(referenceMin) && Double.isFinite(referenceMax),
        "referenceMin",
        "the reference range is finite, was [" + referenceMin + ", " + referenceMax + "]");
    Require.that(
        referenceMin <= referenceMax,
        "referenceMin",
        "referenceMin must not exceed referenceMax, was ["
            + referenceMin
            + ", "
            + referenceMax
            + "]");
    Require.nonNegative(below, "below");
    Require.nonNegative(above, "above");
  }

  /** Values outside the range on either side. */
  public long total() {
    return below + above;
  }

  boolean sameRangeAs(OutOfRangeCount other) {
    return Double.compare(referenceMin, other.referenceMin) == 0
        && Double.compare(referenceMax, other.referenceMax) == 0;
  }
}
