package org.mlplatform.domain.monitoring.quality;

import org.mlplatform.domain.monitoring.Require;

/**
 * The shares of one side's rows without a usable value, each counted apart. A categorical column
 * has no NaN or infinite values, so those shares are 0 there.
 *
 * @param missing rows without a value
 * @param nan rows holding NaN
 * @param infinite rows holding an infinity
 */
public record MissingValueShares(RowShare missing, RowShare nan, RowShare infinite) {

  public MissingValueShares {
    Require.nonNull(missing, "missing");
    Require.nonNull(nan, "nan");
    Require.nonNull(infinite, "infinite");
  }

  static MissingValueShares of(ColumnProfile profile, String reasonWithoutRows) {
    long rows = profile.rows();
    return switch (profile) {
      case NumericProfile numeric ->
          new MissingValueShares(
              RowShare.of(numeric.missing(), rows, reasonWithoutRows),
              RowShare.of(numeric.nan(), rows, reasonWithoutRows),
              RowShare.of(numeric.infinite(), rows, reasonWithoutRows));
      case CategoricalProfile categorical ->
          new MissingValueShares(
              RowShare.of(categorical.missing(), rows, reasonWithoutRows),
              RowShare.of(0, rows, reasonWithoutRows),
              RowShare.of(0, rows, reasonWithoutRows));
    };
  }
}
