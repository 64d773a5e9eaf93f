package org.mlplatform.domain.features.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of a numeric (or timestamp, in epoch seconds) column's finite values.
 *
 * <p>Quantiles use linear interpolation between the closest ranks; they are exact while the column
 * has at most {@value ColumnStatisticsCollector#EXACT_VALUE_LIMIT} finite values and estimated from
 * a fixed-seed uniform sample of that size beyond. Histogram counts are always exact. The bins span
 * {@code [min, max]} with equal widths; beyond the exact limit the inner edges sit on an internal
 * power-of-two grid (that is what keeps the counts exact in one pass), so the first and last bin
 * may be a fraction of a percent of the range narrower than the others. A constant column has one
 * bin.
 *
 * @param standardDeviation sample standard deviation (divisor n - 1); 0 for a single value
 * @param quantiles keys {@code p01, p05, p25, p50, p75, p95, p99}, in that order
 */
public record NumericSummary(
    double min,
    double max,
    double mean,
    double standardDeviation,
    Map<String, Double> quantiles,
    List<HistogramBin> histogram) {

  public NumericSummary {
    quantiles = Collections.unmodifiableMap(new LinkedHashMap<>(quantiles));
    histogram = List.copyOf(histogram);
  }

  /** This summary as plain maps and lists (for JSON documents and job results). */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("min", min);
    map.put("max", max);
    map.put("mean", mean);
    map.put("standardDeviation", standardDeviation);
    map.put("quantiles", new LinkedHashMap<>(quantiles));
    map.put("histogram", histogram.stream().map(HistogramBin::toMap).toList());
    return map;
  }
}
