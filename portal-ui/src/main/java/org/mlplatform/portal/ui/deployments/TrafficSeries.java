package org.mlplatform.portal.ui.deployments;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlplatform.portal.ui.charts.Chart;
import org.mlplatform.serving.engine.TrafficWindow;

/**
 * A deployment's per-second traffic as chart series: requests and errors per second on the left
 * axis, p50 and p99 latency in milliseconds on the right. A second without requests has no latency
 * (a gap in the line, not a misleading zero).
 */
record TrafficSeries(
    List<String> seconds,
    List<Long> requests,
    List<Long> errors,
    List<Double> p50Ms,
    List<Double> p99Ms) {

  /** The seconds shown: the engine keeps five minutes, the chart the last one. */
  static final int SECONDS = 60;

  private static final DateTimeFormatter SECOND =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  static TrafficSeries of(List<TrafficWindow.Point> points) {
    List<String> seconds = new ArrayList<>(points.size());
    List<Long> requests = new ArrayList<>(points.size());
    List<Long> errors = new ArrayList<>(points.size());
    List<Double> p50 = new ArrayList<>(points.size());
    List<Double> p99 = new ArrayList<>(points.size());
    for (TrafficWindow.Point point : points) {
      seconds.add(SECOND.format(point.second()));
      requests.add(point.requests());
      errors.add(point.errors());
      p50.add(point.requests() == 0 ? null : point.p50Micros() / 1_000.0);
      p99.add(point.requests() == 0 ? null : point.p99Micros() / 1_000.0);
    }
    return new TrafficSeries(seconds, requests, errors, p50, p99);
  }

  long totalRequests() {
    return requests.stream().mapToLong(Long::longValue).sum();
  }

  long totalErrors() {
    return errors.stream().mapToLong(Long::longValue).sum();
  }

  /** {@code 120 requests, 2 errors in the last 60 s (2.0/s), p99 up to 1.4 ms}. */
  String summary() {
    long total = totalRequests();
    String text =
        total
            + (total == 1 ? " request, " : " requests, ")
            + totalErrors()
            + (totalErrors() == 1 ? " error" : " errors")
            + " in the last "
            + seconds.size()
            + " s";
    if (seconds.isEmpty()) {
      return text;
    }
    text += String.format(Locale.ROOT, " (%.1f/s)", (double) total / seconds.size());
    double worst =
        p99Ms.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(-1);
    return worst < 0 ? text : text + String.format(Locale.ROOT, ", p99 up to %.3g ms", worst);
  }

  Chart chart() {
    Map<String, List<? extends Number>> rate = new LinkedHashMap<>();
    rate.put("requests/s", requests);
    rate.put("errors/s", errors);
    Map<String, List<? extends Number>> latency = new LinkedHashMap<>();
    latency.put("p50 ms", p50Ms);
    latency.put("p99 ms", p99Ms);
    return Chart.lines(
        "Requests and latency, last " + seconds.size() + " s (UTC)",
        seconds,
        new Chart.Axis("requests/s", rate),
        new Chart.Axis("ms", latency));
  }
}
