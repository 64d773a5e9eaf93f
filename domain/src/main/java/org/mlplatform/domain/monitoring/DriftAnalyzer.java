package org.mlplatform.domain.monitoring;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Entry point: compares current data with reference data, column by column, with Evidently's
 * defaults unless a column's {@link DriftOptions} say otherwise.
 *
 * <p>Per column the kind comes from the reference ({@link ColumnKind}), and the test from kind and
 * the number of non-missing reference values:
 *
 * <table>
 *   <caption>Default test and threshold</caption>
 *   <tr><th>kind</th><th>at most 1,000 reference values</th><th>more</th></tr>
 *   <tr><td>numerical</td><td>Kolmogorov–Smirnov, p &lt; 0.05</td>
 *       <td>Wasserstein (normed), &ge; 0.1</td></tr>
 *   <tr><td>categorical</td><td>chi-square, p &lt; 0.05</td><td>Jensen–Shannon, &ge; 0.1</td></tr>
 *   <tr><td>binary</td><td>z-test, p &lt; 0.05</td><td>Jensen–Shannon, &ge; 0.1</td></tr>
 * </table>
 *
 * <p>Stateless and immutable, so one instance may serve any number of threads.
 */
public final class DriftAnalyzer {

  /** Evidently's default: the data set drifts when half of its columns do. */
  public static final double DEFAULT_DRIFT_SHARE = 0.5;

  private final double driftShare;

  private DriftAnalyzer(double driftShare) {
    this.driftShare = checkDriftShare(driftShare);
  }

  public static DriftAnalyzer withDefaults() {
    return new DriftAnalyzer(DEFAULT_DRIFT_SHARE);
  }

  /** An analyzer that calls a data set drifted from this share of drifted columns on. */
  public static DriftAnalyzer withDriftShare(double driftShare) {
    return new DriftAnalyzer(driftShare);
  }

  public double driftShare() {
    return driftShare;
  }

  /**
   * The verdict for one column. Data that gives no statistic (empty, constant reference) yields a
   * {@link DriftStatus#NOT_COMPUTABLE} result, not an exception.
   *
   * @throws IllegalArgumentException if the options do not fit the column (a numbers-only method
   *     for categories, a p-value threshold above 1)
   */
  public ColumnDriftResult analyzeColumn(DriftColumn column) {
    return ColumnDriftCalculator.analyze(Require.nonNull(column, "column"));
  }

  /**
   * The verdict for each column and for the data set as a whole.
   *
   * @throws IllegalArgumentException if two columns share a name, or as {@link
   *     #analyzeColumn(DriftColumn)}
   */
  public DatasetDriftResult analyzeDataset(List<DriftColumn> columns) {
    Require.nonNull(columns, "columns");
    Set<String> names = new HashSet<>();
    for (DriftColumn column : columns) {
      Require.nonNull(column, "columns");
      Require.that(
          names.add(column.name()), "columns", "column '" + column.name() + "' appears twice");
    }
    return DatasetDriftResult.of(columns.stream().map(this::analyzeColumn).toList(), driftShare);
  }

  /**
   * The data set's verdict over column results computed apart (in parallel, say), in the order
   * given.
   *
   * @throws IllegalArgumentException if two results share a column name
   */
  public DatasetDriftResult combine(List<ColumnDriftResult> results) {
    Require.nonNull(results, "results");
    Set<String> names = new HashSet<>();
    for (ColumnDriftResult result : results) {
      Require.nonNull(result, "results");
      Require.that(
          names.add(result.column()), "results", "column '" + result.column() + "' appears twice");
    }
    return DatasetDriftResult.of(results, driftShare);
  }

  static double checkDriftShare(double driftShare) {
    Require.that(
        driftShare > 0 && driftShare <= 1,
        "driftShare",
        "driftShare must be in (0, 1], was " + driftShare);
    return driftShare;
  }
}
