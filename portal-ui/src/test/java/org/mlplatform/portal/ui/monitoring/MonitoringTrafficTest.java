package org.mlplatform.portal.ui.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.portal.ui.monitoring.MonitoringFixtures.T;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.serving.TrafficBucket;

class MonitoringTrafficTest {

  private final List<TrafficBucket> buckets =
      List.of(
          new TrafficBucket(T, 10, 1_000, 4_000),
          new TrafficBucket(T.plusSeconds(60), 30, 2_000, 12_000),
          new TrafficBucket(T.plusSeconds(240), 10, 1_000, 2_000));

  @Test
  void emptyBucketsComeBackAsGapsAtTheBucketLength() {
    WindowTraffic traffic = WindowTraffic.of(buckets);

    assertThat(traffic.times())
        .containsExactly("03-01 10:00", "03-01 10:01", "03-01 10:02", "03-01 10:03", "03-01 10:04");
    assertThat(traffic.predictions()).containsExactly(10L, 30L, 0L, 0L, 10L);
    assertThat(traffic.meanMs()).isEqualTo(Arrays.asList(1.0, 2.0, null, null, 1.0));
    assertThat(traffic.maxMs()).isEqualTo(Arrays.asList(4.0, 12.0, null, null, 2.0));
  }

  @Test
  void theSummaryWeighsTheMeanByPredictions() {
    WindowTraffic traffic = WindowTraffic.of(buckets);

    assertThat(traffic.total()).isEqualTo(50);
    assertThat(traffic.meanMicros()).isEqualTo(1_600);
    assertThat(traffic.summary()).isEqualTo("50 predictions, mean latency 1.6 ms, largest 12 ms.");
  }

  @Test
  void noBucketsNoTraffic() {
    WindowTraffic traffic = WindowTraffic.of(List.of());

    assertThat(traffic.isEmpty()).isTrue();
    assertThat(traffic.summary()).isEqualTo("No predictions in this window.");
  }

  @Test
  void theChartPutsVolumeLeftAndLatencyRight() {
    var option = WindowTraffic.of(buckets).chart().option();

    assertThat(option.getJsonArray("yAxis")).hasSize(2);
    var series = option.getJsonArray("series");
    assertThat(series.getJsonObject(0).getString("name")).isEqualTo("predictions");
    assertThat(series.getJsonObject(1).getString("name")).isEqualTo("mean ms");
    assertThat(series.getJsonObject(1).getInt("yAxisIndex")).isEqualTo(1);
    assertThat(series.getJsonObject(1).getJsonArray("data").toString())
        .isEqualTo("[1.0,2.0,null,null,1.0]");
  }
}
