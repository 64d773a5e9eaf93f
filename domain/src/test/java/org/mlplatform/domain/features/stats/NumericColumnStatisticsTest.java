package org.mlplatform.domain.features.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlplatform.domain.features.FeatureType;

class NumericColumnStatisticsTest {

  private static ColumnStatistics collect(FeatureType type, Object... values) {
    ColumnStatisticsCollector collector = new ColumnStatisticsCollector("x", type);
    Arrays.stream(values).forEach(collector::add);
    return collector.finish();
  }

  private static Object[] oneToHundred() {
    Object[] values = new Object[100];
    for (int i = 0; i < 100; i++) {
      values[i] = (long) (100 - i);
    }
    return values;
  }

  @Test
  void summarisesOneToHundredExactly() {
    ColumnStatistics stats = collect(FeatureType.INT64, oneToHundred());
    NumericSummary numeric = stats.numeric();

    assertThat(stats.count()).isEqualTo(100);
    assertThat(stats.distinctCount()).isEqualTo(100);
    assertThat(stats.distinctCountIsLowerBound()).isFalse();
    assertThat(stats.notComputable()).isNull();
    assertThat(stats.topCategories()).isEmpty();
    assertThat(numeric.min()).isEqualTo(1);
    assertThat(numeric.max()).isEqualTo(100);
    assertThat(numeric.mean()).isEqualTo(50.5);
    assertThat(numeric.standardDeviation()).isCloseTo(Math.sqrt(100 * 101 / 12.0), within(1e-12));
    assertThat(numeric.quantiles())
        .containsExactly(
            entry("p01", 1.99),
            entry("p05", 5.95),
            entry("p25", 25.75),
            entry("p50", 50.5),
            entry("p75", 75.25),
            entry("p95", 95.05),
            entry("p99", 99.01));
  }

  private static java.util.Map.Entry<String, Double> entry(String key, double value) {
    return java.util.Map.entry(key, value);
  }

  @Test
  void histogramOfOneToHundredHasTwentyEqualBinsOfFive() {
    List<HistogramBin> histogram = collect(FeatureType.INT64, oneToHundred()).numeric().histogram();

    assertThat(histogram).hasSize(20).allSatisfy(bin -> assertThat(bin.count()).isEqualTo(5));
    assertThat(histogram.getFirst().lower()).isEqualTo(1);
    assertThat(histogram.getLast().upper()).isEqualTo(100);
    for (int i = 0; i < histogram.size(); i++) {
      assertThat(histogram.get(i).upper() - histogram.get(i).lower()).isCloseTo(4.95, within(1e-9));
      if (i > 0) {
        assertThat(histogram.get(i).lower()).isEqualTo(histogram.get(i - 1).upper());
      }
    }
  }

  @Test
  void lastBinHoldsTheMaximumAndEveryValueIsCountedOnce() {
    List<HistogramBin> histogram =
        collect(FeatureType.FLOAT64, 0.0, 1.0, 1.0, 0.5).numeric().histogram();

    assertThat(histogram.stream().mapToLong(HistogramBin::count).sum()).isEqualTo(4);
    assertThat(histogram.getLast().count()).isEqualTo(2);
    assertThat(histogram.get(10).count()).isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource({"0.1, 0.7", "-3.3, 17.1", "0.001, 0.0029", "1e9, 1.0000001e9", "-1e300, 1e300"})
  void valuesOnBinEdgesLandInTheBinTheyOpen(double min, double max) {
    List<HistogramBin> edges = collect(FeatureType.FLOAT64, min, max).numeric().histogram();
    Object[] onEdges = new Object[edges.size() + 1];
    for (int i = 0; i < edges.size(); i++) {
      onEdges[i] = edges.get(i).lower();
    }
    onEdges[edges.size()] = max;

    List<HistogramBin> histogram = collect(FeatureType.FLOAT64, onEdges).numeric().histogram();

    assertThat(histogram)
        .extracting(HistogramBin::lower)
        .isEqualTo(edges.stream().map(HistogramBin::lower).toList());
    assertThat(histogram.subList(0, 19)).allSatisfy(bin -> assertThat(bin.count()).isEqualTo(1));
    assertThat(histogram.getLast().count()).isEqualTo(2);
  }

  @ParameterizedTest
  @CsvSource({"0.1, 0.7", "-3.3, 17.1", "0.001, 0.0029", "1e9, 1.0000001e9", "-1e300, 1e300"})
  void valuesJustBelowAnEdgeStayInTheBinBefore(double min, double max) {
    List<HistogramBin> edges = collect(FeatureType.FLOAT64, min, max).numeric().histogram();
    Object[] belowEdges = new Object[edges.size() + 1];
    belowEdges[0] = min;
    for (int i = 1; i < edges.size(); i++) {
      belowEdges[i] = Math.nextDown(edges.get(i).lower());
    }
    belowEdges[edges.size()] = max;

    List<HistogramBin> histogram = collect(FeatureType.FLOAT64, belowEdges).numeric().histogram();

    assertThat(histogram.getFirst().count()).isEqualTo(2);
    assertThat(histogram.subList(1, 19)).allSatisfy(bin -> assertThat(bin.count()).isEqualTo(1));
    assertThat(histogram.getLast().count()).isEqualTo(1);
  }

  @Test
  void keepsNaNAndInfinitiesOutOfTheSummaryButCountsThem() {
    ColumnStatistics stats =
        collect(
            FeatureType.FLOAT64,
            1.0,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            null,
            Double.NEGATIVE_INFINITY,
            3.0,
            Float.NaN);

    assertThat(stats.count()).isEqualTo(7);
    assertThat(stats.nullCount()).isEqualTo(1);
    assertThat(stats.nanCount()).isEqualTo(2);
    assertThat(stats.infiniteCount()).isEqualTo(2);
    assertThat(stats.valueCount()).isEqualTo(2);
    assertThat(stats.distinctCount()).isEqualTo(2);
    assertThat(stats.numeric().min()).isEqualTo(1);
    assertThat(stats.numeric().max()).isEqualTo(3);
    assertThat(stats.numeric().mean()).isEqualTo(2);
    assertThat(stats.numeric().standardDeviation()).isCloseTo(Math.sqrt(2), within(1e-12));
    assertThat(stats.numeric().histogram().stream().mapToLong(HistogramBin::count).sum())
        .isEqualTo(2);
  }

  @Test
  void onlyNonFiniteValuesLeaveNothingToSummarise() {
    ColumnStatistics stats = collect(FeatureType.FLOAT32, Float.NaN, Float.POSITIVE_INFINITY, null);

    assertThat(stats.numeric()).isNull();
    assertThat(stats.notComputable()).isEqualTo("no finite values");
    assertThat(stats.distinctCount()).isZero();
  }

  @Test
  void countsNullsApart() {
    ColumnStatistics stats = collect(FeatureType.INT32, 4, null, 6, null);

    assertThat(stats.count()).isEqualTo(4);
    assertThat(stats.nullCount()).isEqualTo(2);
    assertThat(stats.numeric().mean()).isEqualTo(5);
    assertThat(stats.numeric().quantiles().get("p50")).isEqualTo(5);
  }

  @Test
  void anEmptyColumnSaysWhyNothingWasComputed() {
    ColumnStatistics stats = collect(FeatureType.FLOAT64);

    assertThat(stats.count()).isZero();
    assertThat(stats.numeric()).isNull();
    assertThat(stats.distinctCount()).isZero();
    assertThat(stats.notComputable()).isEqualTo("no values");
  }

  @Test
  void anAllNullColumnSaysWhyNothingWasComputed() {
    ColumnStatistics stats = collect(FeatureType.INT64, null, null, null);

    assertThat(stats.count()).isEqualTo(3);
    assertThat(stats.nullCount()).isEqualTo(3);
    assertThat(stats.numeric()).isNull();
    assertThat(stats.notComputable()).isEqualTo("no non-null values");
  }

  @Test
  void aConstantColumnHasNoSpreadAndOneBin() {
    Object[] fives = new Object[10];
    Arrays.fill(fives, 5.0);
    NumericSummary numeric = collect(FeatureType.FLOAT64, fives).numeric();

    assertThat(numeric.min()).isEqualTo(5);
    assertThat(numeric.max()).isEqualTo(5);
    assertThat(numeric.mean()).isEqualTo(5);
    assertThat(numeric.standardDeviation()).isZero();
    assertThat(numeric.quantiles().values()).hasSize(7).containsOnly(5.0);
    assertThat(numeric.histogram()).containsExactly(new HistogramBin(5, 5, 10));
  }

  @Test
  void aSingleValueHasNoSpread() {
    NumericSummary numeric = collect(FeatureType.FLOAT64, 2.5).numeric();

    assertThat(numeric.standardDeviation()).isZero();
    assertThat(numeric.quantiles().get("p99")).isEqualTo(2.5);
  }

  @Test
  void varianceStaysAccurateFarFromZero() {
    NumericSummary numeric =
        collect(FeatureType.FLOAT64, 1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16).numeric();

    assertThat(numeric.mean()).isEqualTo(1e9 + 10);
    assertThat(numeric.standardDeviation()).isCloseTo(Math.sqrt(30), within(1e-6));
  }

  @Test
  void hugeMagnitudesGiveFiniteStatistics() {
    NumericSummary numeric =
        collect(FeatureType.FLOAT64, -Double.MAX_VALUE, Double.MAX_VALUE, 0.0, 1e300).numeric();

    assertThat(numeric.mean()).isCloseTo(0.25e300, within(1e285));
    assertThat(numeric.standardDeviation()).isFinite().isPositive();
    assertThat(numeric.quantiles().values()).allSatisfy(q -> assertThat(q).isFinite());
    assertThat(numeric.histogram())
        .allSatisfy(
            bin -> {
              assertThat(bin.lower()).isFinite();
              assertThat(bin.upper()).isFinite();
            });
    assertThat(numeric.histogram().stream().mapToLong(HistogramBin::count).sum()).isEqualTo(4);
  }

  @Test
  void summarisesTimestampsInEpochSeconds() {
    ColumnStatistics stats =
        collect(
            FeatureType.TIMESTAMP,
            Instant.parse("1970-01-01T00:00:10Z"),
            Instant.parse("1970-01-01T00:00:20.5Z"),
            null,
            Instant.parse("1970-01-01T00:00:30Z"),
            Instant.parse("1970-01-01T00:00:30Z"));

    assertThat(stats.nullCount()).isEqualTo(1);
    assertThat(stats.distinctCount()).isEqualTo(3);
    assertThat(stats.topCategories()).isEmpty();
    assertThat(stats.numeric().min()).isEqualTo(10);
    assertThat(stats.numeric().max()).isEqualTo(30);
    assertThat(stats.numeric().mean()).isEqualTo(22.625);
    assertThat(stats.numeric().quantiles().get("p50")).isEqualTo(25.25);
  }

  @Test
  void refusesValuesOfAnotherTypeWithoutCountingThem() {
    ColumnStatisticsCollector collector =
        new ColumnStatisticsCollector("amount", FeatureType.INT64);

    assertThatThrownBy(() -> collector.add("12"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("amount")
        .hasMessageContaining("INT64");
    assertThatThrownBy(() -> collector.add(12.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new ColumnStatisticsCollector("t", FeatureType.TIMESTAMP).add(1_700_000_000L))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(collector.finish().count()).isZero();
  }

  @Test
  void floatColumnsTakeAnyNumberAndNegativeZeroIsZero() {
    ColumnStatistics stats = collect(FeatureType.FLOAT32, 1, 2.5f, -0.0, 0.0);

    assertThat(stats.distinctCount()).isEqualTo(3);
    assertThat(stats.numeric().max()).isEqualTo(2.5);
  }
}
