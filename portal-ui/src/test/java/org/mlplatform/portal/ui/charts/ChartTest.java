package org.mlplatform.portal.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.features.stats.CategoryCount;
import org.mlplatform.domain.features.stats.HistogramBin;

class ChartTest {

  @Test
  void theScriptItLoadsIsPackedIntoTheWar() {
    Path script =
        Path.of("target/echarts/META-INF/resources", Chart.SCRIPT.substring("context://".length()));

    assertThat(script).exists();
    assertThat(script.toFile().length()).isGreaterThan(100_000);
    assertThat(Files.isRegularFile(script)).isTrue();
  }

  @Test
  void aHistogramHasOneLabelledBarPerBin() {
    Chart chart =
        Chart.histogram(
            "amount", List.of(new HistogramBin(0, 1.5, 3), new HistogramBin(1.5, 3, 7)));

    assertThat(
            chart.option().getJsonArray("series").getJsonObject(0).getJsonArray("data").toString())
        .isEqualTo("[3,7]");
    assertThat(chart.option().getJsonObject("xAxis").getJsonArray("data").toString())
        .isEqualTo("[\"0 – 1.5\",\"1.5 – 3\"]");
    assertThat(chart.option().getJsonObject("title").getString("text")).isEqualTo("amount");
  }

  @Test
  void categoriesKeepTheirOrderAndTextIsDataNotScript() {
    Chart chart =
        Chart.categories(
            "city", List.of(new CategoryCount("</script><b>x", 5), new CategoryCount("Oslo", 2)));

    assertThat(chart.option().getJsonObject("xAxis").getJsonArray("data").getString(0))
        .isEqualTo("</script><b>x");
    assertThat(
            chart.option().getJsonArray("series").getJsonObject(0).getJsonArray("data").toString())
        .isEqualTo("[5,2]");
  }

  @Test
  void numbersAreShortInPanels() {
    assertThat(StatisticsPanel.number(0.1 + 0.2)).isEqualTo("0.3");
    assertThat(StatisticsPanel.number(1234567.0)).isEqualTo("1.23457e+06");
    assertThat(StatisticsPanel.number(null)).isEmpty();
  }

  @Test
  void timesAreShownAsTimes() {
    var collector =
        new org.mlplatform.domain.features.stats.ColumnStatisticsCollector(
            "event_timestamp", org.mlplatform.domain.features.FeatureType.TIMESTAMP);
    collector.add(java.time.Instant.parse("2026-01-01T00:00:00Z"));
    collector.add(java.time.Instant.parse("2026-01-01T02:00:00Z"));
    var statistics = collector.finish();

    assertThat(StatisticsPanel.value(statistics, statistics.numeric().min()))
        .isEqualTo("2026-01-01 00:00:00 UTC");
    assertThat(StatisticsPanel.value(statistics, statistics.numeric().mean()))
        .isEqualTo("2026-01-01 01:00:00 UTC");
  }

  @Test
  void groupedBarsDrawOneBarSeriesPerGroupWithGapsForNaN() {
    Chart chart =
        Chart.groupedBars(
            "x1",
            java.util.List.of("0", "1"),
            new Chart.Axis(
                "% of rows", java.util.Map.of("training", java.util.List.of(40.0, Double.NaN))));

    var series = chart.option().getJsonArray("series").getJsonObject(0);
    assertThat(series.getString("type")).isEqualTo("bar");
    assertThat(series.getString("name")).isEqualTo("training");
    assertThat(series.getJsonArray("data").toString()).isEqualTo("[40.0,null]");
    assertThat(chart.option().getJsonObject("legend").getJsonArray("data").getString(0))
        .isEqualTo("training");
  }
}
