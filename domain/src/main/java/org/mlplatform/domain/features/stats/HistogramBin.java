package org.mlplatform.domain.features.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many values fell in {@code [lower, upper)}; the last bin of a histogram also holds values
 * equal to its {@code upper}, so every value lands in exactly one bin.
 */
public record HistogramBin(double lower, double upper, long count) {

  public HistogramBin {
    if (!(lower <= upper)) {
      throw new IllegalArgumentException("bin lower " + lower + " above upper " + upper);
    }
    if (count < 0) {
      throw new IllegalArgumentException("negative bin count " + count);
    }
  }

  /** This bin as plain map entries (for JSON documents and job results). */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("lower", lower);
    map.put("upper", upper);
    map.put("count", count);
    return map;
  }
}
