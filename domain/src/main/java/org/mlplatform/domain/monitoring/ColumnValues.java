package org.mlplatform.domain.monitoring;

/**
 * One side (reference or current) of a column: either numbers or categories. Missing values are
 * kept as a count only. The values are copied, so later changes to the caller's array do not leak
 * in.
 */
public abstract sealed class ColumnValues permits NumericColumnValues, CategoricalColumnValues {

  ColumnValues() {}

  /** Numbers; NaN and the infinities count as missing (Evidently drops both before testing). */
  public static ColumnValues numbers(double... values) {
    return new NumericColumnValues(Require.nonNull(values, "values"));
  }

  /** Categories; {@code null} counts as missing. */
  public static ColumnValues categories(String... values) {
    return new CategoricalColumnValues(Require.nonNull(values, "values"));
  }

  /** Rows and missing rows. */
  public abstract SampleCounts counts();

  /** Whether the values are numbers (as opposed to categories). */
  public abstract boolean isNumeric();

  /** Distinct non-missing values. */
  abstract int distinctCount();

  /**
   * Counts of each distinct value, this side against {@code current}, which is of the same kind.
   */
  abstract BinCounts countsPerValue(ColumnValues current);
}
