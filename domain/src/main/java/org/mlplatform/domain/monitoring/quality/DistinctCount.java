package org.mlplatform.domain.monitoring.quality;

import org.mlplatform.domain.monitoring.Require;

/**
 * How many distinct finite values a numeric column holds, counted exactly up to {@link
 * ColumnProfile#MAX_TRACKED_VALUES}.
 *
 * @param count the exact number, or the limit when {@code moreThanLimit}
 * @param moreThanLimit whether there are more distinct values than the limit
 */
public record DistinctCount(int count, boolean moreThanLimit) {

  public DistinctCount {
    Require.that(
        moreThanLimit
            ? count == ColumnProfile.MAX_TRACKED_VALUES
            : count >= 0 && count <= ColumnProfile.MAX_TRACKED_VALUES,
        "count",
        "count must be in [0, "
            + ColumnProfile.MAX_TRACKED_VALUES
            + "], and the limit itself when there are more, was "
            + count);
  }

  static DistinctCount exactly(int count) {
    return new DistinctCount(count, false);
  }

  static DistinctCount overLimit() {
    return new DistinctCount(ColumnProfile.MAX_TRACKED_VALUES, true);
  }

  /** {@code "17"}, or {@code "more than 1000"}. */
  @Override
  public String toString() {
    return moreThanLimit ? "more than " + count : Integer.toString(count);
  }
}
