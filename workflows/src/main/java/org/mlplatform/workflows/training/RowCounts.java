package org.mlplatform.workflows.training;

/**
 * How the rows of a training set were used.
 *
 * @param train rows the model was fitted on
 * @param test held-out rows the metrics come from
 * @param skipped rows left out because their label was empty
 */
public record RowCounts(long train, long test, long skipped) {

  public RowCounts {
    if (train < 0 || test < 0 || skipped < 0) {
      throw new IllegalArgumentException(
          "row counts cannot be negative: " + train + ", " + test + ", " + skipped);
    }
  }
}
