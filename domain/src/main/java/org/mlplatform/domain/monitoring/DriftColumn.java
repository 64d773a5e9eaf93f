package org.mlplatform.domain.monitoring;

/**
 * One column to check: its reference values, its current values and any overrides.
 *
 * @param name the column's name, reported back in the result
 * @param reference the values the current ones are compared against (for example training data)
 * @param current the values to check, of the same type as the reference
 * @param options overrides of kind, method and threshold
 */
public record DriftColumn(
    String name, ColumnValues reference, ColumnValues current, DriftOptions options) {

  public DriftColumn {
    Require.nonBlank(name, "name");
    Require.nonNull(reference, "reference");
    Require.nonNull(current, "current");
    Require.nonNull(options, "options");
    Require.that(
        reference.isNumeric() == current.isNumeric(),
        "current",
        "current values of column '"
            + name
            + "' must be of the same type as the reference (both numbers or both categories)");
  }

  /** A numeric column with default options; NaN and infinities are missing. */
  public static DriftColumn numbers(String name, double[] reference, double[] current) {
    return new DriftColumn(
        name,
        ColumnValues.numbers(Require.nonNull(reference, "reference")),
        ColumnValues.numbers(Require.nonNull(current, "current")),
        DriftOptions.defaults());
  }

  /** A categorical column with default options; {@code null} is missing. */
  public static DriftColumn categories(String name, String[] reference, String[] current) {
    return new DriftColumn(
        name,
        ColumnValues.categories(Require.nonNull(reference, "reference")),
        ColumnValues.categories(Require.nonNull(current, "current")),
        DriftOptions.defaults());
  }

  public DriftColumn with(DriftOptions options) {
    return new DriftColumn(name, reference, current, options);
  }
}
