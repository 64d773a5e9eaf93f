package org.mlplatform.domain.features.stats;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact counts per value of a STRING or BOOL column for the first {@code limit} distinct values;
 * values first seen after that are only counted together, so memory stays bounded.
 */
final class CategoryAccumulator {

  private static final Comparator<CategoryCount> MOST_FREQUENT_FIRST =
      Comparator.comparingLong(CategoryCount::count).reversed().thenComparing(CategoryCount::value);

  private final int limit;
  private final Map<String, long[]> counts = new HashMap<>();
  private long otherCount;

  CategoryAccumulator(int limit) {
    this.limit = limit;
  }

  void add(String value) {
    long[] count = counts.get(value);
    if (count != null) {
      count[0]++;
    } else if (counts.size() < limit) {
      counts.put(value, new long[] {1});
    } else {
      otherCount++;
    }
  }

  /** The {@code n} most frequent values, by count descending then value ascending. */
  List<CategoryCount> top(int n) {
    return counts.entrySet().stream()
        .map(e -> new CategoryCount(e.getKey(), e.getValue()[0]))
        .sorted(MOST_FREQUENT_FIRST)
        .limit(n)
        .toList();
  }

  long distinctCount() {
    return counts.size();
  }

  boolean distinctCountIsLowerBound() {
    return otherCount > 0;
  }

  long otherCount() {
    return otherCount;
  }
}
