package org.mlplatform.portal.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartLinesTest {

  private static Map<String, List<? extends Number>> series(
      String name, List<? extends Number> values) {
    Map<String, List<? extends Number>> series = new LinkedHashMap<>();
    series.put(name, values);
    return series;
  }

  @Test
  void eachAxisGetsItsOwnYAxisAndItsLinesPointAtIt() {
    Map<String, List<? extends Number>> rate = new LinkedHashMap<>();
    rate.put("requests", List.of(3L, 5L));
    rate.put("errors", List.of(0L, 1L));
    Chart chart =
        Chart.lines(
            "traffic",
            List.of("12:00:01", "12:00:02"),
            new Chart.Axis("requests/s", rate),
            new Chart.Axis("ms", series("p99", List.of(1.5, 2.25))));

    JsonObject option = chart.option();
    JsonArray yAxes = option.getJsonArray("yAxis");
    assertThat(yAxes).hasSize(2);
    assertThat(yAxes.getJsonObject(0).getString("name")).isEqualTo("requests/s");
    assertThat(yAxes.getJsonObject(1).getString("position")).isEqualTo("right");
    JsonArray lines = option.getJsonArray("series");
    assertThat(lines).hasSize(3);
    assertThat(lines.getJsonObject(0).getString("name")).isEqualTo("requests");
    assertThat(lines.getJsonObject(0).getInt("yAxisIndex")).isZero();
    assertThat(lines.getJsonObject(0).getJsonArray("data").toString()).isEqualTo("[3,5]");
    assertThat(lines.getJsonObject(2).getInt("yAxisIndex")).isEqualTo(1);
    assertThat(lines.getJsonObject(2).getJsonArray("data").toString()).isEqualTo("[1.5,2.25]");
    assertThat(option.getJsonObject("xAxis").getJsonArray("data").toString())
        .isEqualTo("[\"12:00:01\",\"12:00:02\"]");
    assertThat(option.getJsonObject("legend").getJsonArray("data").toString())
        .isEqualTo("[\"requests\",\"errors\",\"p99\"]");
  }

  @Test
  void missingAndNonFiniteValuesAreGapsNotZeros() {
    Chart chart =
        Chart.lines(
            "latency",
            List.of("a", "b", "c", "d"),
            new Chart.Axis("ms", series("p50", Arrays.asList(1.0, null, Double.NaN, 4))),
            null);

    assertThat(chart.option().getJsonArray("yAxis")).hasSize(1);
    assertThat(
            chart.option().getJsonArray("series").getJsonObject(0).getJsonArray("data").toString())
        .isEqualTo("[1.0,null,null,4]");
  }

  @Test
  void aRedrawKeepsTheChartAndItsOwnOption() {
    Chart chart =
        Chart.lines("a", List.of("x"), new Chart.Axis("n", series("n", List.of(1))), null);
    Chart next = Chart.lines("a", List.of("y"), new Chart.Axis("n", series("n", List.of(2))), null);

    chart.redraw(next);

    assertThat(chart.option().getJsonObject("xAxis").getJsonArray("data").getString(0))
        .isEqualTo("x");
  }
}
