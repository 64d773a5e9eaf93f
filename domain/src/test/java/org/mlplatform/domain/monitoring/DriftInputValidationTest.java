package org.mlplatform.domain.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalDouble;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.DomainValidationException;

class DriftInputValidationTest {

  private static final double[] SOME_NUMBERS = {1, 2, 3};

  private static void assertRejected(ThrowingCallable call, String field) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo(field))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(field);
  }

  @Test
  void columnNeedsANameAndValues() {
    assertRejected(() -> DriftColumn.numbers(null, SOME_NUMBERS, SOME_NUMBERS), "name");
    assertRejected(() -> DriftColumn.numbers(" ", SOME_NUMBERS, SOME_NUMBERS), "name");
    assertRejected(() -> DriftColumn.numbers("x", null, SOME_NUMBERS), "reference");
    assertRejected(() -> DriftColumn.categories("x", new String[] {"a"}, null), "current");
    assertRejected(
        () ->
            new DriftColumn(
                "x", ColumnValues.numbers(SOME_NUMBERS), ColumnValues.numbers(SOME_NUMBERS), null),
        "options");
  }

  @Test
  void referenceAndCurrentMustBeOfOneType() {
    assertRejected(
        () ->
            new DriftColumn(
                "x",
                ColumnValues.numbers(SOME_NUMBERS),
                ColumnValues.categories("a", "b"),
                DriftOptions.defaults()),
        "current");
  }

  @Test
  void thresholdMustBeAFiniteNonNegativeNumber() {
    assertRejected(() -> DriftOptions.defaults().withThreshold(-0.01), "threshold");
    assertRejected(() -> DriftOptions.defaults().withThreshold(Double.NaN), "threshold");
    assertRejected(
        () -> DriftOptions.defaults().withThreshold(Double.POSITIVE_INFINITY), "threshold");
    assertRejected(
        () -> DriftOptions.defaults().withMethod(DriftMethod.CHI_SQUARE).withThreshold(1.2),
        "threshold");
    assertThat(
            DriftOptions.defaults()
                .withMethod(DriftMethod.JENSEN_SHANNON)
                .withThreshold(1.2)
                .threshold())
        .hasValue(1.2);
  }

  @Test
  void optionsRejectNulls() {
    assertRejected(() -> DriftOptions.defaults().withMethod(null), "method");
    assertRejected(() -> new DriftOptions(false, Optional.empty(), null), "threshold");
  }

  @Test
  void sampleCountsMustBeConsistent() {
    assertRejected(() -> new SampleCounts(-1, 0), "rows");
    assertRejected(() -> new SampleCounts(3, 4), "missing");
    assertRejected(() -> new SampleCounts(3, -1), "missing");
  }

  @Test
  void columnResultRejectsInconsistentFields() {
    SampleCounts counts = new SampleCounts(10, 0);
    assertRejected(
        () ->
            ColumnDriftResult.computed(
                null, ColumnKind.NUMERICAL, DriftMethod.WASSERSTEIN, 0.1, 0.2, 0.0, counts, counts),
        "column");
    assertRejected(
        () ->
            ColumnDriftResult.computed(
                "x", ColumnKind.NUMERICAL, DriftMethod.WASSERSTEIN, -0.1, 0.2, 0.0, counts, counts),
        "threshold");
    assertRejected(
        () ->
            new ColumnDriftResult(
                "x",
                Optional.of(ColumnKind.NUMERICAL),
                Optional.of(DriftMethod.WASSERSTEIN),
                OptionalDouble.of(0.1),
                OptionalDouble.of(0.2),
                false,
                OptionalDouble.of(0.0),
                Optional.of(PsiBand.NONE),
                counts,
                counts,
                DriftStatus.COMPUTED,
                Optional.empty()),
        "drifted");
    assertRejected(
        () ->
            new ColumnDriftResult(
                "x",
                Optional.empty(),
                Optional.empty(),
                OptionalDouble.empty(),
                OptionalDouble.of(0.2),
                false,
                OptionalDouble.empty(),
                Optional.empty(),
                counts,
                counts,
                DriftStatus.NOT_COMPUTABLE,
                Optional.of("why")),
        "score");
    assertRejected(
        () ->
            ColumnDriftResult.notComputable(
                "x",
                Optional.empty(),
                Optional.empty(),
                OptionalDouble.empty(),
                counts,
                counts,
                " "),
        "reason");
  }

  @Test
  void analyzerRejectsMissingInput() {
    assertRejected(() -> DriftAnalyzer.withDefaults().analyzeColumn(null), "column");
    assertRejected(() -> DriftAnalyzer.withDefaults().analyzeDataset(null), "columns");
  }
}
