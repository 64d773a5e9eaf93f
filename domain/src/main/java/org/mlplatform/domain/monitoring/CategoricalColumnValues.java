package org.mlplatform.domain.monitoring;

import java.util.SortedMap;
import java.util.TreeMap;

/** Categories, stored as counts per category: no category test needs their order. */
final class CategoricalColumnValues extends ColumnValues {

  private final SortedMap<String, Long> countsByCategory = new TreeMap<>();
  private final int rows;
  private final int missing;

  CategoricalColumnValues(String[] values) {
    int nulls = 0;
    for (String value : values) {
      if (value == null) {
        nulls++;
      } else {
        countsByCategory.merge(value, 1L, Long::sum);
      }
    }
    this.rows = values.length;
    this.missing = nulls;
  }

  @Override
  public SampleCounts counts() {
    return new SampleCounts(rows, missing);
  }

  @Override
  public boolean isNumeric() {
    return false;
  }

  @Override
  int distinctCount() {
    return countsByCategory.size();
  }

  @Override
  BinCounts countsPerValue(ColumnValues current) {
    return BinCounts.perValue(
        countsByCategory, ((CategoricalColumnValues) current).countsByCategory);
  }

  @Override
  public String toString() {
    return "CategoricalColumnValues[rows="
        + rows
        + ", missing="
        + missing
        + ", categories="
        + countsByCategory.size()
        + "]";
  }
}
