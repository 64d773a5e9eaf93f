package org.mlplatform.portal.ui.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.portal.ui.monitoring.MonitoringFixtures.T;
import static org.mlplatform.portal.ui.monitoring.MonitoringFixtures.column;
import static org.mlplatform.portal.ui.monitoring.MonitoringFixtures.snapshot;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonitoringHistorySeriesTest {

  private final HistorySeries series =
      HistorySeries.of(
          List.of(
              snapshot(
                  T,
                  0.5,
                  true,
                  List.of(column("amount", 0.3, true), column("age", 0.02, false)),
                  Map.of()),
              snapshot(
                  T.plusSeconds(600),
                  0.0,
                  false,
                  List.of(column("amount", null, false), column("city", 0.01, false)),
                  Map.of("accuracy", 0.9, "f1", 0.8))));

  @Test
  void onePointPerSnapshotAtItsComputationTime() {
    assertThat(series.times()).containsExactly("03-01 10:00:00", "03-01 10:10:00");
    assertThat(series.shareDrifted()).containsExactly(0.5, 0.0);
  }

  @Test
  void eachColumnsPsiIsChartedAndOneWithoutLeavesAGap() {
    assertThat(series.psi().keySet()).containsExactly("amount", "age", "city");
    assertThat(series.psi().get("amount")).isEqualTo(Arrays.asList(0.6, null));
    assertThat(series.psi().get("age")).isEqualTo(Arrays.asList(0.04, null));
    assertThat(series.psi().get("city")).isEqualTo(Arrays.asList(null, 0.02));
  }

  @Test
  void performanceOnlyWhereGroundTruthCameBack() {
    assertThat(series.hasPerformance()).isTrue();
    assertThat(series.performance().keySet()).containsExactly("accuracy", "f1");
    assertThat(series.performance().get("accuracy")).isEqualTo(Arrays.asList(null, 0.9));
  }

  @Test
  void theDriftChartHasPsiLeftAndTheDriftedShareInPercentRight() {
    var option = series.driftChart().option();

    var lines = option.getJsonArray("series");
    assertThat(lines).hasSize(4);
    assertThat(lines.getJsonObject(0).getString("name")).isEqualTo("amount");
    assertThat(lines.getJsonObject(0).getJsonArray("data").toString()).isEqualTo("[0.6,null]");
    assertThat(lines.getJsonObject(3).getString("name")).isEqualTo("drifted features %");
    assertThat(lines.getJsonObject(3).getInt("yAxisIndex")).isEqualTo(1);
    assertThat(lines.getJsonObject(3).getJsonArray("data").toString()).isEqualTo("[50.0,0.0]");
  }

  @Test
  void noSnapshotsNoSeries() {
    HistorySeries empty = HistorySeries.of(List.of());

    assertThat(empty.isEmpty()).isTrue();
    assertThat(empty.hasPerformance()).isFalse();
  }
}
