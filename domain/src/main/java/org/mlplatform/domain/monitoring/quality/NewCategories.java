package org.mlplatform.domain.monitoring.quality;

import java.util.List;
import org.mlplatform.domain.monitoring.Require;

/**
 * The categories of the current data that the reference never had.
 *
 * <p>When {@code share} is not computed (no rows on either side, a reference without categories, or
 * more categories on either side than are tracked, so that which ones are new is unknown), the list
 * is empty and the counts are 0.
 *
 * @param listed the most frequent new categories, at most {@link #MAX_LISTED}, most rows first and
 *     by name among equals
 * @param count how many different new categories there are, listed or not
 * @param rows current rows holding a new category
 * @param share those rows' share of all current rows
 */
public record NewCategories(List<String> listed, int count, long rows, RowShare share) {

  /** Enough to recognise a problem in a report without flooding it. */
  public static final int MAX_LISTED = 20;

  public NewCategories {
    listed = List.copyOf(Require.nonNull(listed, "listed"));
    Require.nonNegative(count, "count");
    Require.nonNegative(rows, "rows");
    Require.nonNull(share, "share");
    Require.that(
        listed.size() == Math.min(count, MAX_LISTED),
        "listed",
        "the " + count + " new categories list min(count, " + MAX_LISTED + ") of them");
    Require.that(
        share.isComputed() || count == 0 && rows == 0,
        "share",
        "new categories that cannot be computed have no counts");
  }

  static NewCategories notComputable(String reason) {
    return new NewCategories(List.of(), 0, 0, RowShare.notComputable(reason));
  }

  public boolean isComputed() {
    return share.isComputed();
  }
}
