package org.mlplatform.domain.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mlplatform.domain.monitoring.TestData.numbers;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlplatform.domain.DomainValidationException;

class ColumnKindAndMethodTest {

  private static final DriftAnalyzer ANALYZER = DriftAnalyzer.withDefaults();

  /** {@code rows} values cycling through {@code distinct} numbers 0, 1, 2, ... */
  private static double[] cycling(int rows, int distinct) {
    double[] values = new double[rows];
    for (int i = 0; i < rows; i++) {
      values[i] = i % distinct;
    }
    return values;
  }

  private static String[] cyclingLabels(int rows, int distinct) {
    return Arrays.stream(cycling(rows, distinct))
        .mapToObj(value -> "label-" + (int) value)
        .toArray(String[]::new);
  }

  private static ColumnDriftResult analyze(DriftColumn column) {
    return ANALYZER.analyzeColumn(column);
  }

  @ParameterizedTest(name = "{0} distinct numbers -> {1}")
  @CsvSource({"2, BINARY", "3, CATEGORICAL", "5, CATEGORICAL", "6, NUMERICAL", "40, NUMERICAL"})
  void numbersAreClassifiedByDistinctReferenceValues(int distinct, ColumnKind expected) {
    ColumnDriftResult result =
        analyze(DriftColumn.numbers("n", cycling(200, distinct), cycling(150, distinct)));

    assertThat(result.kind()).contains(expected);
  }

  @ParameterizedTest(name = "{0} distinct strings -> {1}")
  @CsvSource({"2, BINARY", "3, CATEGORICAL", "7, CATEGORICAL", "50, CATEGORICAL"})
  void stringsAreCategoricalOrBinary(int distinct, ColumnKind expected) {
    ColumnDriftResult result =
        analyze(
            DriftColumn.categories(
                "s", cyclingLabels(200, distinct), cyclingLabels(150, distinct)));

    assertThat(result.kind()).contains(expected);
  }

  @Test
  void kindComesFromTheReferenceNotFromTheCurrentData() {
    // The current data has 10 distinct values; the reference only 4.
    ColumnDriftResult result = analyze(DriftColumn.numbers("n", cycling(200, 4), cycling(200, 10)));

    assertThat(result.kind()).contains(ColumnKind.CATEGORICAL);
    assertThat(result.method()).contains(DriftMethod.CHI_SQUARE);
  }

  @Test
  void missingValuesAreNotADistinctValue() {
    double[] reference = cycling(200, 2);
    reference[0] = Double.NaN;
    reference[1] = Double.POSITIVE_INFINITY;

    assertThat(analyze(DriftColumn.numbers("n", reference, cycling(100, 2))).kind())
        .contains(ColumnKind.BINARY);
  }

  @Test
  void numbersDeclaredCategoricalStayCategorical() {
    DriftColumn column =
        DriftColumn.numbers("zip", cycling(300, 40), cycling(300, 40))
            .with(DriftOptions.defaults().asCategorical());

    ColumnDriftResult result = analyze(column);

    assertThat(result.kind()).contains(ColumnKind.CATEGORICAL);
    assertThat(result.method()).contains(DriftMethod.CHI_SQUARE);
  }

  @Test
  void twoDeclaredCategoriesAreBinary() {
    DriftColumn column =
        DriftColumn.numbers("flag", cycling(300, 2), cycling(300, 2))
            .with(DriftOptions.defaults().asCategorical());

    assertThat(analyze(column).kind()).contains(ColumnKind.BINARY);
  }

  @ParameterizedTest(name = "{0} distinct, {1} reference values -> {2}")
  @CsvSource({
    "40, 1000, KOLMOGOROV_SMIRNOV",
    "40, 1001, WASSERSTEIN",
    "4, 1000, CHI_SQUARE",
    "4, 1001, JENSEN_SHANNON",
    "2, 1000, Z_TEST",
    "2, 1001, JENSEN_SHANNON"
  })
  void methodSwitchesFromPValueToDistanceAbove1000ReferenceValues(
      int distinct, int referenceRows, DriftMethod expected) {
    ColumnDriftResult result =
        analyze(DriftColumn.numbers("n", cycling(referenceRows, distinct), cycling(500, distinct)));

    assertThat(result.method()).contains(expected);
    assertThat(result.threshold()).hasValue(expected.defaultThreshold());
  }

  @Test
  void onlyNonMissingReferenceValuesCountTowardsTheBoundary() {
    double[] reference = cycling(1001, 40);
    reference[7] = Double.NaN;

    ColumnDriftResult result = analyze(DriftColumn.numbers("n", reference, cycling(500, 40)));

    assertThat(result.reference().rows()).isEqualTo(1001);
    assertThat(result.method()).contains(DriftMethod.KOLMOGOROV_SMIRNOV);
  }

  @Test
  void stringColumnsAboveTheBoundaryUseJensenShannon() {
    ColumnDriftResult result =
        analyze(DriftColumn.categories("s", cyclingLabels(1001, 9), cyclingLabels(800, 9)));

    assertThat(result.method()).contains(DriftMethod.JENSEN_SHANNON);
    assertThat(result.score().orElseThrow()).isLessThan(0.01);
    assertThat(result.drifted()).isFalse();
  }

  @Test
  void methodOverrideReplacesTheDefault() {
    DriftColumn column =
        DriftColumn.numbers("x", numbers(11, 400), numbers(23, 300, 1.0, 0.2))
            .with(DriftOptions.defaults().withMethod(DriftMethod.WASSERSTEIN));

    ColumnDriftResult result = analyze(column);

    assertThat(result.method()).contains(DriftMethod.WASSERSTEIN);
    assertThat(result.threshold()).hasValue(0.1);
  }

  @Test
  void thresholdOverrideChangesTheVerdict() {
    DriftColumn column = DriftColumn.numbers("x", numbers(11, 400), numbers(29, 300));
    double pValue = analyze(column).score().orElseThrow(); // 0.266, not drifted at 0.05

    ColumnDriftResult loose = analyze(column.with(DriftOptions.defaults().withThreshold(0.3)));

    assertThat(pValue).isBetween(0.05, 0.3);
    assertThat(loose.threshold()).hasValue(0.3);
    assertThat(loose.drifted()).isTrue();
  }

  @Test
  void aPValueAtTheThresholdIsNotDrift() {
    DriftColumn column = DriftColumn.numbers("x", numbers(11, 400), numbers(29, 300));
    double pValue = analyze(column).score().orElseThrow();

    ColumnDriftResult atThreshold =
        analyze(column.with(DriftOptions.defaults().withThreshold(pValue)));

    assertThat(atThreshold.drifted()).isFalse();
  }

  @Test
  void aDistanceAtTheThresholdIsDrift() {
    DriftColumn column =
        DriftColumn.numbers("w", numbers(81, 3000, 2.0, 1.0), numbers(87, 2500, 2.0, 1.0));
    double distance = analyze(column).score().orElseThrow();

    ColumnDriftResult atThreshold =
        analyze(column.with(DriftOptions.defaults().withThreshold(distance)));

    assertThat(atThreshold.method()).contains(DriftMethod.WASSERSTEIN);
    assertThat(atThreshold.drifted()).isTrue();
  }

  @Test
  void methodAndThresholdCanBeOverriddenTogether() {
    DriftColumn column =
        DriftColumn.categories(
                "s", cyclingLabels(400, 3), TestData.categories(5, 400, labels(3), 0.5, 0.3, 0.2))
            .with(DriftOptions.defaults().withMethod(DriftMethod.PSI).withThreshold(0.25));

    ColumnDriftResult result = analyze(column);

    assertThat(result.method()).contains(DriftMethod.PSI);
    assertThat(result.threshold()).hasValue(0.25);
    assertThat(result.drifted()).isEqualTo(result.psi().orElseThrow() >= 0.25);
  }

  @Test
  void numbersOnlyMethodOnCategoriesIsRejectedNamingTheMethod() {
    DriftColumn column =
        DriftColumn.categories("s", cyclingLabels(100, 3), cyclingLabels(100, 3))
            .with(DriftOptions.defaults().withMethod(DriftMethod.KOLMOGOROV_SMIRNOV));

    assertThatThrownBy(() -> analyze(column))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("method"))
        .hasMessageContaining("KOLMOGOROV_SMIRNOV");
  }

  @Test
  void pValueThresholdAboveOneIsRejectedOnceTheMethodIsKnown() {
    DriftColumn column =
        DriftColumn.numbers("x", numbers(11, 400), numbers(29, 300))
            .with(DriftOptions.defaults().withThreshold(1.5));

    assertThatThrownBy(() -> analyze(column))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("threshold"));
  }

  @Test
  void distanceThresholdAboveOneIsAllowed() {
    DriftColumn column =
        DriftColumn.numbers("w", numbers(81, 3000, 2.0, 1.0), numbers(83, 2500, 2.2, 1.1))
            .with(DriftOptions.defaults().withThreshold(1.5));

    ColumnDriftResult result = analyze(column);

    assertThat(result.threshold()).hasValue(1.5);
    assertThat(result.drifted()).isFalse();
  }

  private static List<String> labels(int count) {
    return Arrays.asList(cyclingLabels(count, count));
  }
}
