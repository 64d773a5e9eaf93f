package org.mlplatform.domain.features.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** How often one value of a categorical (STRING or BOOL) column occurred. */
public record CategoryCount(String value, long count) {

  public CategoryCount {
    Objects.requireNonNull(value, "value");
    if (count < 0) {
      throw new IllegalArgumentException("negative category count " + count);
    }
  }

  /** This count as plain map entries (for JSON documents and job results). */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("value", value);
    map.put("count", count);
    return map;
  }
}
