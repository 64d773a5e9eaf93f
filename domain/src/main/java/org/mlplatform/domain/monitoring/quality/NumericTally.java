package org.mlplatform.domain.monitoring.quality;

import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.mlplatform.domain.monitoring.Require;

/** The running statistics of a numeric column: counts, range, Welford moments, distinct values. */
final class NumericTally {

  /** The reference range to count against, or null for a profile without one. */
  private final OutOfRangeCount referenceRange;

  private long nan;
  private long infinite;
  private long finite;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private double mean;

  /** Sum of squared deviations from the mean: Welford's M2, stable where sum-of-squares is not. */
  private double squaredDeviations;

  /** Null once there are more distinct values than are tracked: only "more" is known then. */
  private Set<Double> distinct = new HashSet<>();

  private long below;
  private long above;

  NumericTally(OutOfRangeCount referenceRange) {
    this.referenceRange = referenceRange;
  }

  void add(double value) {
    if (Double.isNaN(value)) {
      nan++;
    } else if (Double.isInfinite(value)) {
      infinite++;
    } else {
      addFinite(value + 0.0); // -0.0 + 0.0 is 0.0: one value, as pandas counts it
    }
  }

  private void addFinite(double value) {
    finite++;
    min = Math.min(min, value);
    max = Math.max(max, value);
    double delta = value - mean;
    mean += delta / finite;
    squaredDeviations += delta * (value - mean);
    if (distinct != null) {
      distinct.add(value);
      capDistinct();
    }
    if (referenceRange != null) {
      if (value < referenceRange.referenceMin()) {
        below++;
      } else if (value > referenceRange.referenceMax()) {
        above++;
      }
    }
  }

  /** Chan, Golub and LeVeque's pairwise combination of the two chunks' moments. */
  void merge(NumericTally other) {
    Require.that(
        sameRange(other),
        "other",
        "profiles built against different reference ranges cannot be merged");
    if (finite == 0) {
      // Taken over as they are, so that merging into an empty builder changes nothing.
      mean = other.mean;
      squaredDeviations = other.squaredDeviations;
    } else if (other.finite > 0) {
      long combined = finite + other.finite;
      double delta = other.mean - mean;
      squaredDeviations +=
          other.squaredDeviations + delta * delta * ((double) finite * other.finite / combined);
      mean += delta * ((double) other.finite / combined);
    }
    finite += other.finite;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
    nan += other.nan;
    infinite += other.infinite;
    below += other.below;
    above += other.above;
    if (distinct != null && other.distinct != null) {
      distinct.addAll(other.distinct);
      capDistinct();
    } else {
      distinct = null;
    }
  }

  NumericProfile toProfile(long rows, long missing) {
    boolean any = finite > 0;
    OptionalDouble meanValue = any && Double.isFinite(mean) ? OptionalDouble.of(mean) : empty();
    double deviation = Math.sqrt(Math.max(0, squaredDeviations) / finite);
    return new NumericProfile(
        rows,
        missing,
        nan,
        infinite,
        any ? OptionalDouble.of(min) : empty(),
        any ? OptionalDouble.of(max) : empty(),
        meanValue,
        meanValue.isPresent() && Double.isFinite(deviation)
            ? OptionalDouble.of(deviation)
            : empty(),
        distinct == null ? DistinctCount.overLimit() : DistinctCount.exactly(distinct.size()),
        Optional.ofNullable(referenceRange)
            .map(
                range ->
                    new OutOfRangeCount(range.referenceMin(), range.referenceMax(), below, above)));
  }

  private void capDistinct() {
    if (distinct.size() > ColumnProfile.MAX_TRACKED_VALUES) {
      distinct = null;
    }
  }

  private boolean sameRange(NumericTally other) {
    return referenceRange == null
        ? other.referenceRange == null
        : other.referenceRange != null && referenceRange.sameRangeAs(other.referenceRange);
  }

  private static OptionalDouble empty() {
    return OptionalDouble.empty();
  }
}
