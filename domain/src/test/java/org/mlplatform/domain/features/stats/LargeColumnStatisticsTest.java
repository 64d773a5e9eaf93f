package org.mlplatform.domain.features.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.features.FeatureType;

/** Past the exact limits: quantiles are estimated, histogram counts must stay exact. */
class LargeColumnStatisticsTest {

  private static final int ROWS = 1_000_000;

  private static ColumnStatistics collect(long rows, LongToDoubleFunction valueOfRow) {
    ColumnStatisticsCollector collector = new ColumnStatisticsCollector("x", FeatureType.FLOAT64);
    for (long row = 0; row < rows; row++) {
      collector.add(valueOfRow.applyAsDouble(row));
    }
    return collector.finish();
  }

  private static double[] uniform(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] values = new double[ROWS];
    for (int i = 0; i < ROWS; i++) {
      values[i] = random.nextDouble();
    }
    return values;
  }

  /** Re-bins the data against the reported edges, as a drift monitor would. */
  private static void assertCountsMatchEdges(List<HistogramBin> histogram, double[] values) {
    long[] expected = new long[histogram.size()];
    for (double value : values) {
      for (int b = 0; b < histogram.size(); b++) {
        HistogramBin bin = histogram.get(b);
        boolean last = b == histogram.size() - 1;
        if (value >= bin.lower() && (value < bin.upper() || last && value == bin.upper())) {
          expected[b]++;
          break;
        }
      }
    }
    assertThat(histogram.stream().mapToLong(HistogramBin::count).toArray()).isEqualTo(expected);
    assertThat(histogram.stream().mapToLong(HistogramBin::count).sum()).isEqualTo(values.length);
  }

  private static void assertEqualWidthOverMinToMax(
      List<HistogramBin> histogram, double min, double max) {
    assertThat(histogram.size()).isBetween(18, 20);
    assertThat(histogram.getFirst().lower()).isEqualTo(min);
    assertThat(histogram.getLast().upper()).isEqualTo(max);
    double innerWidth = histogram.get(1).upper() - histogram.get(1).lower();
    for (int b = 1; b < histogram.size(); b++) {
      assertThat(histogram.get(b).lower()).isEqualTo(histogram.get(b - 1).upper());
      if (b < histogram.size() - 1) {
        assertThat(histogram.get(b).upper() - histogram.get(b).lower()).isEqualTo(innerWidth);
      }
    }
    double slack = 0.005 * (max - min);
    assertThat(histogram.getFirst().upper() - histogram.getFirst().lower())
        .isCloseTo(innerWidth, within(slack));
    assertThat(histogram.getLast().upper() - histogram.getLast().lower())
        .isCloseTo(innerWidth, within(slack));
  }

  @Test
  void estimatesQuantilesOfAMillionValuesWithinTolerance() {
    double[] values = uniform(7);

    NumericSummary numeric = collect(ROWS, row -> values[(int) row]).numeric();

    assertThat(numeric.mean()).isCloseTo(0.5, within(0.002));
    assertThat(numeric.standardDeviation()).isCloseTo(Math.sqrt(1 / 12.0), within(0.002));
    assertThat(numeric.quantiles().get("p01")).isCloseTo(0.01, within(0.003));
    assertThat(numeric.quantiles().get("p25")).isCloseTo(0.25, within(0.006));
    assertThat(numeric.quantiles().get("p50")).isCloseTo(0.50, within(0.006));
    assertThat(numeric.quantiles().get("p99")).isCloseTo(0.99, within(0.003));
  }

  @Test
  void samplesUniformlyEvenWhenValuesArriveSorted() {
    NumericSummary numeric = collect(ROWS, row -> row).numeric();

    assertThat(numeric.mean()).isEqualTo((ROWS - 1) / 2.0);
    assertThat(numeric.quantiles().get("p05")).isCloseTo(0.05 * ROWS, within(0.005 * ROWS));
    assertThat(numeric.quantiles().get("p50")).isCloseTo(0.50 * ROWS, within(0.01 * ROWS));
    assertThat(numeric.quantiles().get("p95")).isCloseTo(0.95 * ROWS, within(0.005 * ROWS));
    assertThat(numeric.histogram().stream().mapToLong(HistogramBin::count).sum()).isEqualTo(ROWS);
  }

  @Test
  void sameInputGivesTheSameStatistics() {
    double[] values = uniform(11);

    ColumnStatistics first = collect(ROWS, row -> values[(int) row]);
    ColumnStatistics second = collect(ROWS, row -> values[(int) row]);

    assertThat(second).isEqualTo(first);
    assertThat(first.distinctCount()).isEqualTo(10_000);
    assertThat(first.distinctCountIsLowerBound()).isTrue();
  }

  @Test
  void histogramCountsStayExactForUniformData() {
    double[] values = uniform(13);

    NumericSummary numeric = collect(ROWS, row -> values[(int) row]).numeric();

    assertEqualWidthOverMinToMax(numeric.histogram(), numeric.min(), numeric.max());
    assertCountsMatchEdges(numeric.histogram(), values);
    assertThat(numeric.histogram())
        .allSatisfy(bin -> assertThat(bin.count()).isBetween(47_000L, 53_000L));
  }

  @Test
  void histogramCountsStayExactWhenTheRangeGrowsAfterTheLimit() {
    double[] values = new double[300_000];
    for (int i = 0; i < values.length; i++) {
      values[i] =
          i < 100_000 ? i / 100_000.0 : i < 200_000 ? -3.7 * (i - 100_000) : 1e6 + i * 0.001;
    }

    NumericSummary numeric = collect(values.length, row -> values[(int) row]).numeric();

    assertThat(numeric.min()).isEqualTo(-3.7 * 99_999);
    assertThat(numeric.max()).isEqualTo(1e6 + 299_999 * 0.001);
    assertEqualWidthOverMinToMax(numeric.histogram(), numeric.min(), numeric.max());
    assertCountsMatchEdges(numeric.histogram(), values);
  }

  @Test
  void aLargeConstantColumnHasOneBinAndNoSpread() {
    NumericSummary numeric = collect(250_000, row -> 42.0).numeric();

    assertThat(numeric.histogram()).containsExactly(new HistogramBin(42, 42, 250_000));
    assertThat(numeric.standardDeviation()).isZero();
    assertThat(numeric.quantiles().values()).containsOnly(42.0);
  }

  @Test
  void aColumnConstantUpToTheLimitThenSpreadingKeepsExactCounts() {
    double[] values = new double[150_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = i < 100_001 ? 1e9 : 1e9 + (i % 1000) * 0.25;
    }

    NumericSummary numeric = collect(values.length, row -> values[(int) row]).numeric();

    assertThat(numeric.min()).isEqualTo(1e9);
    assertThat(numeric.max()).isEqualTo(1e9 + 249.75);
    assertCountsMatchEdges(numeric.histogram(), values);
    assertThat(numeric.histogram().getFirst().count()).isGreaterThan(100_001);
  }
}
