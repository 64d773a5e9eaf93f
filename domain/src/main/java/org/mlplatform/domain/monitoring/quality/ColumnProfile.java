package org.mlplatform.domain.monitoring.quality;

/**
 * An immutable summary of one column's values, built by a {@link ColumnProfileBuilder}: a {@link
 * NumericProfile} or a {@link CategoricalProfile}.
 */
public sealed interface ColumnProfile permits NumericProfile, CategoricalProfile {

  /**
   * How many distinct values or categories a profile tracks one by one. Beyond it a profile only
   * says "more than this", which keeps a scan of an ID-like column in bounded memory.
   */
  int MAX_TRACKED_VALUES = 1_000;

  /** All rows, whatever their value. */
  long rows();

  /** Rows without a value at all ({@code null} or absent); NaN is counted apart. */
  long missing();
}
