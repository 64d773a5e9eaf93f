package org.mlplatform.domain.features.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.stats.TableStatisticsCollector.Column;

class TableStatisticsCollectorTest {

  private static TableStatisticsCollector table() {
    return new TableStatisticsCollector(
        List.of(
            new Column("amount", FeatureType.FLOAT64),
            new Column("city", FeatureType.STRING),
            new Column("active", FeatureType.BOOL)));
  }

  @Test
  void collectsEveryColumnInOrder() {
    TableStatisticsCollector table = table();
    table.add(new Object[] {10.0, "Oslo", true});
    table.add(new Object[] {20.0, "Rome", null});
    table.add(new Object[] {null, "Oslo", false});

    List<ColumnStatistics> stats = table.finish();

    assertThat(stats)
        .extracting(ColumnStatistics::column)
        .containsExactly("amount", "city", "active");
    assertThat(stats.get(0).numeric().mean()).isEqualTo(15);
    assertThat(stats.get(0).nullCount()).isEqualTo(1);
    assertThat(stats.get(1).topCategories().getFirst()).isEqualTo(new CategoryCount("Oslo", 2));
    assertThat(stats.get(2).count()).isEqualTo(3);
    assertThat(stats.get(2).nullCount()).isEqualTo(1);
  }

  @Test
  void refusesARowOfTheWrongWidthOrTypeCountingNothingOfIt() {
    TableStatisticsCollector table = table();

    assertThatThrownBy(() -> table.add(new Object[] {1.0, "Oslo"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 3");
    assertThatThrownBy(() -> table.add(new Object[] {1.0, "Oslo", "yes"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("active");

    assertThat(table.finish()).allSatisfy(column -> assertThat(column.count()).isZero());
  }

  @Test
  void refusesDuplicateColumnNames() {
    assertThatThrownBy(
            () ->
                new TableStatisticsCollector(
                    List.of(new Column("a", FeatureType.INT32), new Column("a", FeatureType.BOOL))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate column a");
  }
}
