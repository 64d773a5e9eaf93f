package org.mlplatform.domain.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mlplatform.domain.monitoring.TestData.categories;
import static org.mlplatform.domain.monitoring.TestData.numbers;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NotComputableAndMissingTest {

  private static final DriftAnalyzer ANALYZER = DriftAnalyzer.withDefaults();

  private static double[] filled(int rows, double value) {
    double[] values = new double[rows];
    Arrays.fill(values, value);
    return values;
  }

  private static void assertNotComputable(ColumnDriftResult result, String reasonPart) {
    assertThat(result.status()).isEqualTo(DriftStatus.NOT_COMPUTABLE);
    assertThat(result.isComputed()).isFalse();
    assertThat(result.reason())
        .hasValueSatisfying(reason -> assertThat(reason).contains(reasonPart));
    assertThat(result.score()).isEmpty();
    assertThat(result.psi()).isEmpty();
    assertThat(result.psiBand()).isEmpty();
    assertThat(result.drifted()).isFalse();
  }

  @Test
  void constantNumericReferenceIsNotComputable() {
    ColumnDriftResult result =
        ANALYZER.analyzeColumn(DriftColumn.numbers("x", filled(500, 3.0), numbers(1, 300)));

    assertNotComputable(result, "reference is constant");
    assertThat(result.kind()).isEmpty();
    assertThat(result.reference()).isEqualTo(new SampleCounts(500, 0));
  }

  @Test
  void constantCategoricalReferenceIsNotComputable() {
    String[] reference = new String[50];
    Arrays.fill(reference, "only");

    ColumnDriftResult result =
        ANALYZER.analyzeColumn(DriftColumn.categories("c", reference, new String[] {"a", "b"}));

    assertNotComputable(result, "reference is constant");
  }

  @Test
  void constantReferenceWithAnOverriddenMethodStillReportsTheMethod() {
    ColumnDriftResult result =
        ANALYZER.analyzeColumn(
            DriftColumn.numbers("x", filled(5000, 1.0), numbers(1, 300))
                .with(DriftOptions.defaults().withMethod(DriftMethod.WASSERSTEIN)));

    assertNotComputable(result, "constant");
    assertThat(result.method()).contains(DriftMethod.WASSERSTEIN);
    assertThat(result.threshold()).hasValue(0.1);
  }

  @Test
  void referenceWithoutValuesIsNotComputable() {
    ColumnDriftResult allMissing =
        ANALYZER.analyzeColumn(DriftColumn.numbers("x", filled(20, Double.NaN), numbers(1, 300)));
    ColumnDriftResult noRows =
        ANALYZER.analyzeColumn(DriftColumn.numbers("x", new double[0], numbers(1, 300)));

    assertNotComputable(allMissing, "reference has no non-missing values");
    assertThat(allMissing.reference().missingShare()).isEqualTo(1.0);
    assertNotComputable(noRows, "reference has no non-missing values");
    assertThat(noRows.reference().missingShare()).isZero();
  }

  @Test
  void currentWithoutValuesIsNotComputableButKeepsKindAndMethod() {
    ColumnDriftResult result =
        ANALYZER.analyzeColumn(
            DriftColumn.categories(
                "c",
                categories(3, 300, List.of("a", "b", "c"), 0.3, 0.3, 0.4),
                new String[] {null, null}));

    assertNotComputable(result, "current data has no non-missing values");
    assertThat(result.kind()).contains(ColumnKind.CATEGORICAL);
    assertThat(result.method()).contains(DriftMethod.CHI_SQUARE);
    assertThat(result.threshold()).hasValue(0.05);
    assertThat(result.current()).isEqualTo(new SampleCounts(2, 2));
  }

  @Test
  void singleCurrentValueIsNotComputableForKolmogorovSmirnov() {
    ColumnDriftResult result =
        ANALYZER.analyzeColumn(DriftColumn.numbers("x", numbers(1, 300), new double[] {1.5}));

    assertNotComputable(result, "at least 2 current values");
  }

  /** A broken feed that sends one value is exactly the drift to catch, so it is computed. */
  @ParameterizedTest
  @EnumSource(DriftMethod.class)
  void constantCurrentAgainstAVariedReferenceIsComputedAndDrifts(DriftMethod method) {
    ColumnDriftResult result =
        ANALYZER.analyzeColumn(
            DriftColumn.numbers("x", numbers(1, 900), filled(400, 0.0))
                .with(DriftOptions.defaults().withMethod(method)));

    assertThat(result.status()).isEqualTo(DriftStatus.COMPUTED);
    assertThat(result.score().orElseThrow()).isFinite();
    assertThat(result.drifted()).isTrue();
    assertThat(result.psiBand()).contains(PsiBand.SIGNIFICANT);
  }

  @Test
  void identicalDataGivesNoDriftForEveryMethod() {
    double[] values = numbers(9, 800);
    for (DriftMethod method : DriftMethod.values()) {
      ColumnDriftResult result =
          ANALYZER.analyzeColumn(
              DriftColumn.numbers("x", values, values)
                  .with(DriftOptions.defaults().withMethod(method)));

      assertThat(result.drifted()).as(method.name()).isFalse();
      assertThat(result.psi()).as(method.name()).hasValue(0.0);
    }
  }

  @Test
  void missingNumbersAreExcludedFromTheTestButReported() {
    double[] reference = numbers(11, 400);
    double[] current = numbers(23, 300, 1.0, 0.2);
    double[] referenceWithGaps = withEvery(reference, 10, Double.NaN);
    double[] currentWithGaps = withEvery(current, 4, Double.NEGATIVE_INFINITY);

    ColumnDriftResult clean =
        ANALYZER.analyzeColumn(
            DriftColumn.numbers("x", present(referenceWithGaps), present(currentWithGaps)));
    ColumnDriftResult gappy =
        ANALYZER.analyzeColumn(DriftColumn.numbers("x", referenceWithGaps, currentWithGaps));

    assertThat(gappy.score()).isEqualTo(clean.score());
    assertThat(gappy.psi()).isEqualTo(clean.psi());
    assertThat(gappy.reference()).isEqualTo(new SampleCounts(400, 40));
    assertThat(gappy.reference().missingShare()).isCloseTo(0.1, within(1e-15));
    assertThat(gappy.current()).isEqualTo(new SampleCounts(300, 75));
    assertThat(gappy.current().missingShare()).isCloseTo(0.25, within(1e-15));
    assertThat(clean.reference().missingShare()).isZero();
  }

  @Test
  void missingCategoriesAreExcludedFromTheTestButReported() {
    String[] reference = categories(51, 600, List.of("a", "b", "c", "d"), 0.4, 0.3, 0.2, 0.1);
    String[] current = categories(53, 500, List.of("a", "b", "c", "d"), 0.37, 0.3, 0.2, 0.13);
    String[] currentWithNulls = Arrays.copyOf(current, current.length + 100);

    ColumnDriftResult result =
        ANALYZER.analyzeColumn(DriftColumn.categories("c", reference, currentWithNulls));

    // Same p-value as without the nulls (see DriftStatisticsScipyTest.ChiSquare).
    assertThat(result.score().orElseThrow()).isCloseTo(0.001648849500754835, within(1e-12));
    assertThat(result.current()).isEqualTo(new SampleCounts(600, 100));
    assertThat(result.current().missingShare()).isCloseTo(1 / 6.0, within(1e-15));
    assertThat(result.current().present()).isEqualTo(500);
  }

  @Test
  void callerArraysAreCopied() {
    double[] reference = numbers(11, 400);
    double[] current = numbers(23, 300, 1.0, 0.2);
    DriftColumn column = DriftColumn.numbers("x", reference, current);
    ColumnDriftResult before = ANALYZER.analyzeColumn(column);

    Arrays.fill(current, Double.NaN);

    assertThat(ANALYZER.analyzeColumn(column)).isEqualTo(before);
  }

  private static double[] withEvery(double[] values, int step, double replacement) {
    double[] copy = values.clone();
    for (int i = 0; i < copy.length; i += step) {
      copy[i] = replacement;
    }
    return copy;
  }

  private static double[] present(double[] values) {
    return Arrays.stream(values).filter(Double::isFinite).toArray();
  }
}
