package org.mlplatform.domain.monitoring;

import java.util.List;
import java.util.Optional;

/**
 * The drift verdict for a data set: drifted when the share of drifted columns reaches the drift
 * share (Evidently's {@code drift_share}). Columns that are not computable are left out of the
 * share, being neither drifted nor stable, and stay listed in {@link #columns()}.
 *
 * @param columns one result per column, in the order given
 * @param driftShare the share of drifted columns from which the data set counts as drifted
 * @param computedColumns columns with a score
 * @param driftedColumns columns whose score crossed their threshold
 * @param shareDrifted drifted columns over computed columns; 0 when none was computed
 * @param datasetDrifted whether at least one column was computed and the share reached driftShare
 */
public record DatasetDriftResult(
    List<ColumnDriftResult> columns,
    double driftShare,
    int computedColumns,
    int driftedColumns,
    double shareDrifted,
    boolean datasetDrifted) {

  public DatasetDriftResult {
    columns = List.copyOf(Require.nonNull(columns, "columns"));
    DriftAnalyzer.checkDriftShare(driftShare);
    int computed = (int) columns.stream().filter(ColumnDriftResult::isComputed).count();
    int drifted = (int) columns.stream().filter(ColumnDriftResult::drifted).count();
    double share = share(drifted, computed);
    Require.that(
        computedColumns == computed
            && driftedColumns == drifted
            && shareDrifted == share
            && datasetDrifted == (computed > 0 && share >= driftShare),
        "columns",
        "counts, share and verdict must be those of the columns");
  }

  /** The result for these columns, with counts, share and verdict derived from them. */
  static DatasetDriftResult of(List<ColumnDriftResult> columns, double driftShare) {
    Require.nonNull(columns, "columns");
    int computed = (int) columns.stream().filter(ColumnDriftResult::isComputed).count();
    int drifted = (int) columns.stream().filter(ColumnDriftResult::drifted).count();
    double share = share(drifted, computed);
    return new DatasetDriftResult(
        columns, driftShare, computed, drifted, share, computed > 0 && share >= driftShare);
  }

  private static double share(int drifted, int computed) {
    return computed == 0 ? 0.0 : (double) drifted / computed;
  }

  /** The result for the named column, if the data set had one. */
  public Optional<ColumnDriftResult> column(String name) {
    return columns.stream().filter(result -> result.column().equals(name)).findFirst();
  }
}
