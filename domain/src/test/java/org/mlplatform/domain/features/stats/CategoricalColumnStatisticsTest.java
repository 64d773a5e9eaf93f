package org.mlplatform.domain.features.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.features.FeatureType;

class CategoricalColumnStatisticsTest {

  private static ColumnStatistics collect(FeatureType type, List<?> values) {
    ColumnStatisticsCollector collector = new ColumnStatisticsCollector("c", type);
    values.forEach(collector::add);
    return collector.finish();
  }

  @Test
  void ordersCategoriesByCountThenValue() {
    ColumnStatistics stats =
        collect(FeatureType.STRING, List.of("b", "c", "a", "c", "b", "d", "a", "c", "b", "a", "c"));

    assertThat(stats.topCategories())
        .containsExactly(
            new CategoryCount("c", 4),
            new CategoryCount("a", 3),
            new CategoryCount("b", 3),
            new CategoryCount("d", 1));
    assertThat(stats.distinctCount()).isEqualTo(4);
    assertThat(stats.distinctCountIsLowerBound()).isFalse();
    assertThat(stats.otherCategoryCount()).isZero();
    assertThat(stats.numeric()).isNull();
    assertThat(stats.notComputable()).isNull();
  }

  @Test
  void reportsOnlyTheTwentyMostFrequent() {
    ColumnStatisticsCollector collector = new ColumnStatisticsCollector("c", FeatureType.STRING);
    for (int value = 0; value < 25; value++) {
      for (int repeat = 0; repeat <= value; repeat++) {
        collector.add("v" + (char) ('a' + value));
      }
    }

    ColumnStatistics stats = collector.finish();

    assertThat(stats.topCategories()).hasSize(20);
    assertThat(stats.topCategories().getFirst()).isEqualTo(new CategoryCount("vy", 25));
    assertThat(stats.topCategories().getLast()).isEqualTo(new CategoryCount("vf", 6));
    assertThat(stats.distinctCount()).isEqualTo(25);
  }

  @Test
  void summarisesBooleansAsTrueAndFalse() {
    ColumnStatistics stats =
        collect(FeatureType.BOOL, java.util.Arrays.asList(true, false, null, true, true));

    assertThat(stats.count()).isEqualTo(5);
    assertThat(stats.nullCount()).isEqualTo(1);
    assertThat(stats.distinctCount()).isEqualTo(2);
    assertThat(stats.topCategories())
        .containsExactly(new CategoryCount("true", 3), new CategoryCount("false", 1));
    assertThat(stats.numeric()).isNull();
  }

  @Test
  void anAllNullStringColumnSaysWhyNothingWasComputed() {
    ColumnStatistics stats = collect(FeatureType.STRING, java.util.Arrays.asList(null, null));

    assertThat(stats.topCategories()).isEmpty();
    assertThat(stats.distinctCount()).isZero();
    assertThat(stats.notComputable()).isEqualTo("no non-null values");
  }

  @Test
  void anEmptyStringColumnSaysWhyNothingWasComputed() {
    assertThat(collect(FeatureType.STRING, List.of()).notComputable()).isEqualTo("no values");
  }

  @Test
  void refusesNonStringsInAStringColumn() {
    ColumnStatisticsCollector collector = new ColumnStatisticsCollector("city", FeatureType.STRING);

    assertThatThrownBy(() -> collector.add(3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("city")
        .hasMessageContaining("STRING");
  }

  @Test
  void pastTenThousandDistinctValuesNewOnesAreCountedTogether() {
    ColumnStatisticsCollector collector = new ColumnStatisticsCollector("id", FeatureType.STRING);
    for (int i = 0; i < 100; i++) {
      collector.add("hot");
    }
    for (int i = 0; i < 12_000; i++) {
      collector.add("id-" + i);
    }
    collector.add("hot");
    collector.add("id-12000");

    ColumnStatistics stats = collector.finish();

    assertThat(stats.count()).isEqualTo(12_102);
    assertThat(stats.distinctCount()).isEqualTo(10_000);
    assertThat(stats.distinctCountIsLowerBound()).isTrue();
    assertThat(stats.otherCategoryCount()).isEqualTo(12_001 - 9_999);
    assertThat(stats.topCategories()).hasSize(20);
    assertThat(stats.topCategories().getFirst()).isEqualTo(new CategoryCount("hot", 101));
    assertThat(stats.topCategories().get(1)).isEqualTo(new CategoryCount("id-0", 1));
    assertThat(stats.topCategories().stream().mapToLong(CategoryCount::count).sum())
        .isEqualTo(101 + 19);
  }
}
