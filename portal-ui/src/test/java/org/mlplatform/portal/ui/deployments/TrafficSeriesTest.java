package org.mlplatform.portal.ui.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlplatform.serving.engine.TrafficWindow.Point;

class TrafficSeriesTest {

  private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

  private final List<Point> points =
      List.of(
          new Point(T, 4, 1, 1_500, 12_000),
          new Point(T.plusSeconds(1), 0, 0, 0, 0),
          new Point(T.plusSeconds(2), 2, 0, 250, 500));

  @Test
  void latencyIsInMillisecondsAndAbsentWhenNothingWasServed() {
    TrafficSeries series = TrafficSeries.of(points);

    assertThat(series.seconds()).containsExactly("10:00:00", "10:00:01", "10:00:02");
    assertThat(series.requests()).containsExactly(4L, 0L, 2L);
    assertThat(series.errors()).containsExactly(1L, 0L, 0L);
    assertThat(series.p50Ms()).isEqualTo(Arrays.asList(1.5, null, 0.25));
    assertThat(series.p99Ms()).isEqualTo(Arrays.asList(12.0, null, 0.5));
  }

  @Test
  void theSummaryCountsTheWindow() {
    assertThat(TrafficSeries.of(points).summary())
        .isEqualTo("6 requests, 1 error in the last 3 s (2.0/s), p99 up to 12.0 ms");
    assertThat(TrafficSeries.of(List.of()).summary())
        .isEqualTo("0 requests, 0 errors in the last 0 s");
  }

  @Test
  void theChartPutsRatesLeftAndLatencyRight() {
    var option = TrafficSeries.of(points).chart().option();

    assertThat(option.getJsonArray("yAxis")).hasSize(2);
    assertThat(option.getJsonArray("series").getJsonObject(2).getString("name"))
        .isEqualTo("p50 ms");
    assertThat(option.getJsonArray("series").getJsonObject(2).getInt("yAxisIndex")).isEqualTo(1);
    assertThat(option.getJsonArray("series").getJsonObject(2).getJsonArray("data").toString())
        .isEqualTo("[1.5,null,0.25]");
  }
}
