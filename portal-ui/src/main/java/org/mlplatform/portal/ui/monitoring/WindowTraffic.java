package org.mlplatform.portal.ui.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlplatform.domain.serving.TrafficBucket;
import org.mlplatform.portal.ui.charts.Chart;

/**
 * A window's traffic buckets as chart series: predictions per bucket on the left axis, mean and
 * largest latency in milliseconds on the right. The service leaves empty buckets out; they are put
 * back (no predictions, no latency: a gap rather than a misleading zero) at the bucket length the
 * closest two buckets show.
 */
record WindowTraffic(
    List<String> times,
    List<Long> predictions,
    List<Double> meanMs,
    List<Double> maxMs,
    long total,
    double meanMicros,
    long maxMicros) {

  /** Gaps are not filled beyond this many points (a chart cannot show more anyway). */
  static final int MAX_POINTS = 2_000;

  WindowTraffic {
    times = List.copyOf(times);
    predictions = List.copyOf(predictions);
    meanMs = Collections.unmodifiableList(new ArrayList<>(meanMs));
    maxMs = Collections.unmodifiableList(new ArrayList<>(maxMs));
  }

  /** The series of {@code buckets}, which come in time order. */
  static WindowTraffic of(List<TrafficBucket> buckets) {
    List<String> times = new ArrayList<>();
    List<Long> predictions = new ArrayList<>();
    List<Double> mean = new ArrayList<>();
    List<Double> max = new ArrayList<>();
    Duration step = step(buckets);
    long total = 0;
    double latency = 0;
    long worst = 0;
    Instant previous = null;
    for (TrafficBucket bucket : buckets) {
      if (previous != null && step != null) {
        for (Instant gap = previous.plus(step);
            gap.isBefore(bucket.start()) && times.size() < MAX_POINTS;
            gap = gap.plus(step)) {
          times.add(MonitoringText.chartTime(gap));
          predictions.add(0L);
          mean.add(null);
          max.add(null);
        }
      }
      times.add(MonitoringText.chartTime(bucket.start()));
      predictions.add(bucket.predictions());
      mean.add(bucket.meanLatencyMicros() / 1_000.0);
      max.add(bucket.maxLatencyMicros() / 1_000.0);
      total += bucket.predictions();
      latency += bucket.meanLatencyMicros() * bucket.predictions();
      worst = Math.max(worst, bucket.maxLatencyMicros());
      previous = bucket.start();
    }
    return new WindowTraffic(
        times, predictions, mean, max, total, total == 0 ? 0 : latency / total, worst);
  }

  /** The shortest distance between two buckets; null with fewer than two. */
  private static Duration step(List<TrafficBucket> buckets) {
    Duration step = null;
    for (int i = 1; i < buckets.size(); i++) {
      Duration between = Duration.between(buckets.get(i - 1).start(), buckets.get(i).start());
      if (!between.isNegative()
          && !between.isZero()
          && (step == null || between.compareTo(step) < 0)) {
        step = between;
      }
    }
    return step;
  }

  boolean isEmpty() {
    return total == 0;
  }

  /** {@code 1,200 predictions, mean latency 1.5 ms, largest 12 ms}. */
  String summary() {
    if (total == 0) {
      return "No predictions in this window.";
    }
    return MonitoringText.count(total)
        + (total == 1 ? " prediction" : " predictions")
        + ", mean latency "
        + MonitoringText.millis(meanMicros)
        + ", largest "
        + MonitoringText.millis(maxMicros)
        + ".";
  }

  Chart chart() {
    Map<String, List<? extends Number>> volume = new LinkedHashMap<>();
    volume.put("predictions", predictions);
    Map<String, List<? extends Number>> latency = new LinkedHashMap<>();
    latency.put("mean ms", meanMs);
    latency.put("max ms", maxMs);
    return Chart.lines(
        "Predictions and latency over the window (UTC, all versions)",
        times,
        new Chart.Axis("predictions", volume),
        new Chart.Axis("ms", latency));
  }
}
