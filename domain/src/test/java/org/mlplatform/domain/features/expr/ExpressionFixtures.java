package org.mlplatform.domain.features.expr;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.mlplatform.domain.features.FeatureType;

/** A fixed set of typed inputs and one row of values, shared by the expression tests. */
final class ExpressionFixtures {

  static final Instant TS = Instant.parse("2026-03-14T22:15:30Z"); // a Saturday
  static final Instant OTHER_TS = Instant.parse("2026-03-16T10:15:30Z");

  static final Map<String, FeatureType> INPUTS =
      Map.ofEntries(
          Map.entry("amount", FeatureType.FLOAT64),
          Map.entry("avg_amount_30d", FeatureType.FLOAT64),
          Map.entry("count", FeatureType.INT64),
          Map.entry("small", FeatureType.INT32),
          Map.entry("ratio", FeatureType.FLOAT32),
          Map.entry("name", FeatureType.STRING),
          Map.entry("flag", FeatureType.BOOL),
          Map.entry("ts", FeatureType.TIMESTAMP),
          Map.entry("other_ts", FeatureType.TIMESTAMP),
          Map.entry("missing", FeatureType.FLOAT64),
          Map.entry("missing_int", FeatureType.INT64),
          Map.entry("missing_text", FeatureType.STRING),
          Map.entry("missing_flag", FeatureType.BOOL),
          Map.entry("missing_ts", FeatureType.TIMESTAMP));

  static final Map<String, Object> ROW = row();

  private ExpressionFixtures() {}

  private static Map<String, Object> row() {
    Map<String, Object> row = new HashMap<>();
    row.put("amount", 120.0);
    row.put("avg_amount_30d", 40.0);
    row.put("count", 7L);
    row.put("small", 3);
    row.put("ratio", 0.5f);
    row.put("name", "Alice");
    row.put("flag", true);
    row.put("ts", TS);
    row.put("other_ts", OTHER_TS);
    return row; // every missing_* input is absent, hence null
  }

  static Expression compile(String source) {
    return Expression.compile(source, INPUTS);
  }

  static Object eval(String source) {
    return compile(source).evaluate(ROW::get);
  }
}
