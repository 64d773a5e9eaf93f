package org.mlplatform.domain.features.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mlplatform.domain.features.FeatureType;

/**
 * What one column of a training set looked like: the baseline drift monitoring compares serving
 * data against. Never holds NaN or infinities, so it always serialises to JSON.
 *
 * @param count every value added, nulls, NaNs and infinities included
 * @param nanCount NaN floating-point values (not in {@code numeric})
 * @param infiniteCount positive or negative infinities (not in {@code numeric})
 * @param distinctCount distinct values among those summarised (non-null, finite); exact up to
 *     {@value ColumnStatisticsCollector#DISTINCT_VALUE_LIMIT}, which it then stays at
 * @param distinctCountIsLowerBound whether more distinct values were seen than could be tracked
 * @param numeric for numeric and TIMESTAMP (epoch seconds) columns with a finite value; else null
 * @param topCategories for STRING and BOOL ({@code "true"/"false"}) columns: the {@value
 *     ColumnStatisticsCollector#TOP_CATEGORY_COUNT} most frequent values, by count descending then
 *     value ascending; empty for other types
 * @param otherCategoryCount values whose category first appeared after {@value
 *     ColumnStatisticsCollector#DISTINCT_VALUE_LIMIT} distinct ones were already tracked; they are
 *     counted only here. Categories tracked before that keep exact counts.
 * @param notComputable null, or why there is no summary (no values, no non-null values, no finite
 *     values)
 */
public record ColumnStatistics(
    String column,
    FeatureType type,
    long count,
    long nullCount,
    long nanCount,
    long infiniteCount,
    Long distinctCount,
    boolean distinctCountIsLowerBound,
    NumericSummary numeric,
    List<CategoryCount> topCategories,
    long otherCategoryCount,
    String notComputable) {

  public ColumnStatistics {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(type, "type");
    topCategories = topCategories == null ? List.of() : List.copyOf(topCategories);
  }

  /**
   * These statistics without anything that shows values (range, moments, categories, distinct
   * count), for a reader who may not see a personal-data column: only how many values there were.
   */
  public ColumnStatistics masked() {
    return new ColumnStatistics(
        column,
        type,
        count,
        nullCount,
        nanCount,
        infiniteCount,
        null,
        false,
        null,
        List.of(),
        0,
        "masked: personal data (pii)");
  }

  /** The values that entered the summary: all but nulls, NaNs and infinities. */
  public long valueCount() {
    return count - nullCount - nanCount - infiniteCount;
  }

  /** These statistics as plain maps, lists and scalars (for JSON documents and job results). */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("column", column);
    map.put("type", type.name());
    map.put("count", count);
    map.put("nullCount", nullCount);
    map.put("nanCount", nanCount);
    map.put("infiniteCount", infiniteCount);
    map.put("distinctCount", distinctCount);
    map.put("distinctCountIsLowerBound", distinctCountIsLowerBound);
    map.put("numeric", numeric == null ? null : numeric.toMap());
    map.put("topCategories", topCategories.stream().map(CategoryCount::toMap).toList());
    map.put("otherCategoryCount", otherCategoryCount);
    map.put("notComputable", notComputable);
    return Collections.unmodifiableMap(map);
  }
}
