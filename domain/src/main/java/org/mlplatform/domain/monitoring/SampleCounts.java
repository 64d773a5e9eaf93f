package org.mlplatform.domain.monitoring;

/**
 * How many rows one side of a column had and how many of them were missing. Missing values are left
 * out of every test, so this is where they show.
 *
 * @param rows all rows, missing ones included
 * @param missing rows without a value (NaN or an infinity for numbers, {@code null} for categories)
 */
public record SampleCounts(int rows, int missing) {

  public SampleCounts {
    Require.that(rows >= 0, "rows", "rows must be >= 0, was " + rows);
    Require.that(
        missing >= 0 && missing <= rows,
        "missing",
        "missing must be between 0 and rows (" + rows + "), was " + missing);
  }

  /** Rows with a value: the ones the drift test sees. */
  public int present() {
    return rows - missing;
  }

  /** Share of rows without a value; 0 when there are no rows at all. */
  public double missingShare() {
    return rows == 0 ? 0.0 : (double) missing / rows;
  }
}
