package org.mlplatform.domain.features.ingest;

/** Rows of one upload format, read and validated one at a time. */
interface RowSource {

  /**
   * Moves to the next data row.
   *
   * @return false at the end of the input, or when the input is too broken to read on (the reason
   *     is logged as a problem)
   */
  boolean advance();

  /** The current row, or null when it had problems (they are logged). */
  org.mlplatform.domain.features.offline.FeatureRow current();
}
