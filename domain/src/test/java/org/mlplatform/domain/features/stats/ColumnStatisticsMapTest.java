package org.mlplatform.domain.features.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.features.FeatureType;

/** The plain-map form is what gets stored and shown, so it must carry everything. */
class ColumnStatisticsMapTest {

  @Test
  void numericStatisticsBecomeNestedPlainMaps() {
    ColumnStatisticsCollector collector =
        new ColumnStatisticsCollector("amount", FeatureType.INT32);
    collector.add(1);
    collector.add(3);
    collector.add(null);

    Map<String, Object> map = collector.finish().toMap();

    assertThat(map)
        .containsEntry("column", "amount")
        .containsEntry("type", "INT32")
        .containsEntry("count", 3L)
        .containsEntry("nullCount", 1L)
        .containsEntry("distinctCount", 2L)
        .containsEntry("topCategories", List.of())
        .containsEntry("notComputable", null);
    Map<?, ?> numeric = (Map<?, ?>) map.get("numeric");
    assertThat(numeric.get("mean")).isEqualTo(2.0);
    assertThat(((Map<?, ?>) numeric.get("quantiles")).get("p50")).isEqualTo(2.0);
    assertThat((List<?>) numeric.get("histogram"))
        .first()
        .isEqualTo(Map.of("lower", 1.0, "upper", 1.1, "count", 1L));
  }

  @Test
  void categoricalStatisticsListTheirCategories() {
    ColumnStatisticsCollector collector = new ColumnStatisticsCollector("city", FeatureType.STRING);
    collector.add("Oslo");

    Map<String, Object> map = collector.finish().toMap();

    assertThat(map)
        .containsEntry("numeric", null)
        .containsEntry("topCategories", List.of(Map.of("value", "Oslo", "count", 1L)))
        .containsEntry("otherCategoryCount", 0L);
  }
}
