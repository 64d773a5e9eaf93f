package org.mlplatform.domain.features.stats;

import java.util.List;

/**
 * The finite values of a numeric or timestamp column: moments, a reservoir for quantiles and, once
 * the values outnumber the reservoir, a grid that keeps histogram counts exact.
 */
final class NumericAccumulator {

  private final RunningMoments moments = new RunningMoments();
  private final ValueReservoir reservoir =
      new ValueReservoir(ColumnStatisticsCollector.EXACT_VALUE_LIMIT);
  private final CappedDistinctCounter distinct =
      new CappedDistinctCounter(ColumnStatisticsCollector.DISTINCT_VALUE_LIMIT);
  private DyadicGridHistogram grid;

  /**
   * @param distinctKey equal for equal values and different otherwise (the value's exact bits)
   */
  void add(double value, long distinctKey) {
    moments.add(value);
    distinct.add(distinctKey);
    if (grid == null && reservoir.isFullWithEverything()) {
      grid = new DyadicGridHistogram(moments.min(), moments.max());
      reservoir.forEachHeld(grid::add);
    }
    if (grid != null) {
      grid.add(value);
    }
    reservoir.add(value);
  }

  long count() {
    return moments.count();
  }

  long distinctCount() {
    return distinct.count();
  }

  boolean distinctCountIsLowerBound() {
    return distinct.isLowerBound();
  }

  /** The summary, or null without any finite value. */
  NumericSummary summary() {
    if (moments.count() == 0) {
      return null;
    }
    double min = moments.min();
    double max = moments.max();
    double[] sorted = reservoir.sortedCopy();
    return new NumericSummary(
        min,
        max,
        moments.mean(),
        moments.standardDeviation(),
        Quantiles.of(sorted),
        histogram(sorted, min, max));
  }

  private List<HistogramBin> histogram(double[] sorted, double min, double max) {
    int bins = ColumnStatisticsCollector.HISTOGRAM_BINS;
    if (min == max) {
      return List.of(new HistogramBin(min, max, moments.count()));
    }
    if (grid == null) {
      return EqualWidthHistogram.of(sorted, min, max, bins);
    }
    return grid.bins(bins, min, max);
  }
}
