package org.mlplatform.domain.monitoring.quality;

import java.util.Map;
import org.mlplatform.domain.monitoring.Require;

/**
 * The summary of a categorical column: how often each category occurs, for up to {@link
 * ColumnProfile#MAX_TRACKED_VALUES} categories. Rows of further categories are counted together in
 * {@code other}. The empty string is a category; only {@code null} is missing.
 *
 * @param rows all rows
 * @param missing rows without a category
 * @param counts rows per tracked category, each at least 1
 * @param other rows of categories beyond the tracked ones
 */
public record CategoricalProfile(long rows, long missing, Map<String, Long> counts, long other)
    implements ColumnProfile {

  public CategoricalProfile {
    Require.nonNegative(rows, "rows");
    Require.nonNegative(missing, "missing");
    Require.nonNegative(other, "other");
    counts = Map.copyOf(Require.nonNull(counts, "counts"));
    Require.that(
        counts.size() <= MAX_TRACKED_VALUES,
        "counts",
        "at most " + MAX_TRACKED_VALUES + " categories are tracked, got " + counts.size());
    long tracked = 0;
    for (long count : counts.values()) {
      Require.that(count > 0, "counts", "a tracked category occurs at least once, got " + count);
      tracked += count;
    }
    Require.that(
        missing + tracked + other == rows,
        "rows",
        "missing ("
            + missing
            + "), tracked ("
            + tracked
            + ") and other ("
            + other
            + ") rows must add up to the "
            + rows
            + " rows");
  }

  /** Whether the column had more categories than are tracked, so that {@code other} holds rows. */
  public boolean overflowed() {
    return other > 0;
  }
}
