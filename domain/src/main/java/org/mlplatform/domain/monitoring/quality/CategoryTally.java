package org.mlplatform.domain.monitoring.quality;

import java.util.HashMap;
import java.util.Map;

/**
 * The running counts of a categorical column. The first categories seen are tracked; once there are
 * as many as the limit, rows of any further category go to {@code other}.
 */
final class CategoryTally {

  private final Map<String, Long> counts = new HashMap<>();
  private long other;

  void add(String category) {
    add(category, 1);
  }

  void merge(CategoryTally tally) {
    tally.counts.forEach(this::add);
    other += tally.other;
  }

  CategoricalProfile toProfile(long rows, long missing) {
    return new CategoricalProfile(rows, missing, counts, other);
  }

  private void add(String category, long count) {
    if (counts.containsKey(category) || counts.size() < ColumnProfile.MAX_TRACKED_VALUES) {
      counts.merge(category, count, Long::sum);
    } else {
      other += count;
    }
  }
}
