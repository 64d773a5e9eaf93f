package org.mlplatform.domain.monitoring;

import java.util.Arrays;
import java.util.SortedMap;
import java.util.TreeMap;

/** Numbers, stored sorted without the missing ones: every statistic here wants them sorted. */
final class NumericColumnValues extends ColumnValues {

  private final double[] sortedPresent;
  private final int rows;

  NumericColumnValues(double[] values) {
    this.rows = values.length;
    // -0.0 + 0.0 is 0.0: pandas counts -0.0 and 0.0 as one value, and so does this.
    this.sortedPresent =
        Arrays.stream(values).filter(Double::isFinite).map(v -> v + 0.0).sorted().toArray();
  }

  @Override
  public SampleCounts counts() {
    return new SampleCounts(rows, rows - sortedPresent.length);
  }

  @Override
  public boolean isNumeric() {
    return true;
  }

  /** The non-missing values in ascending order; callers must not modify the array. */
  double[] sortedPresent() {
    return sortedPresent;
  }

  @Override
  int distinctCount() {
    int distinct = 0;
    for (int i = 0; i < sortedPresent.length; i++) {
      if (i == 0 || sortedPresent[i] != sortedPresent[i - 1]) {
        distinct++;
      }
    }
    return distinct;
  }

  @Override
  BinCounts countsPerValue(ColumnValues current) {
    return BinCounts.perValue(countsByValue(), ((NumericColumnValues) current).countsByValue());
  }

  private SortedMap<Double, Long> countsByValue() {
    SortedMap<Double, Long> counts = new TreeMap<>();
    for (double value : sortedPresent) {
      counts.merge(value, 1L, Long::sum);
    }
    return counts;
  }

  @Override
  public String toString() {
    return "NumericColumnValues[rows=" + rows + ", present=" + sortedPresent.length + "]";
  }
}
