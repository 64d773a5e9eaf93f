package org.mlplatform.domain.monitoring.quality;

import java.util.Optional;
import java.util.OptionalDouble;
import org.mlplatform.domain.monitoring.Require;

/**
 * The summary of a numeric column. Every row is exactly one of missing, NaN, infinite or finite;
 * the statistics are over the finite values only.
 *
 * @param rows all rows
 * @param missing rows without a value
 * @param nan rows holding NaN
 * @param infinite rows holding positive or negative infinity
 * @param min the smallest finite value; empty without finite values
 * @param max the largest finite value; empty without finite values
 * @param mean the mean of the finite values; empty without finite values, or when values near
 *     {@code Double.MAX_VALUE} overflow the arithmetic
 * @param populationStandardDeviation the standard deviation of the finite values, dividing by their
 *     count (not count - 1): 0 for a single value; empty when the mean is
 * @param distinctValues how many different finite values there are ({@code -0.0} counts as {@code
 *     0.0})
 * @param outOfRange the finite values outside a reference range, for a profile built against one
 */
public record NumericProfile(
    long rows,
    long missing,
    long nan,
    long infinite,
    OptionalDouble min,
    OptionalDouble max,
    OptionalDouble mean,
    OptionalDouble populationStandardDeviation,
    DistinctCount distinctValues,
    Optional<OutOfRangeCount> outOfRange)
    implements ColumnProfile {

  public NumericProfile {
    Require.nonNegative(rows, "rows");
    Require.nonNegative(missing, "missing");
    Require.nonNegative(nan, "nan");
    Require.nonNegative(infinite, "infinite");
    Require.nonNull(min, "min");
    Require.nonNull(max, "max");
    Require.nonNull(mean, "mean");
    Require.nonNull(populationStandardDeviation, "populationStandardDeviation");
    Require.nonNull(distinctValues, "distinctValues");
    Require.nonNull(outOfRange, "outOfRange");
    long finite = rows - missing - nan - infinite;
    Require.that(
        finite >= 0, "rows", "missing, nan and infinite add up to more than the " + rows + " rows");
    Require.that(
        min.isPresent() == finite > 0 && max.isPresent() == finite > 0,
        "min",
        "min and max are present exactly when there are finite values");
    Require.that(
        min.isEmpty() || min.getAsDouble() <= max.getAsDouble(), "min", "min must not exceed max");
    Require.that(mean.isEmpty() || finite > 0, "mean", "a mean needs finite values");
    Require.that(
        populationStandardDeviation.isEmpty()
            || mean.isPresent() && populationStandardDeviation.getAsDouble() >= 0,
        "populationStandardDeviation",
        "a standard deviation is >= 0 and comes with a mean");
    Require.that(
        distinctValues.count() <= finite,
        "distinctValues",
        "there cannot be more distinct values than the " + finite + " finite ones");
    outOfRange.ifPresent(
        count ->
            Require.that(
                count.total() <= finite,
                "outOfRange",
                "at most the " + finite + " finite values can be out of range"));
  }

  /** Rows holding a finite number. */
  public long finite() {
    return rows - missing - nan - infinite;
  }
}
