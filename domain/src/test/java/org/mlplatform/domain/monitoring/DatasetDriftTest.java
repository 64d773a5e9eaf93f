package org.mlplatform.domain.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mlplatform.domain.monitoring.TestData.numbers;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.DomainValidationException;

class DatasetDriftTest {

  private static DriftColumn drifting(String name) {
    return DriftColumn.numbers(name, numbers(11, 400), numbers(23, 300, 1.0, 0.2));
  }

  private static DriftColumn stable(String name) {
    return DriftColumn.numbers(name, numbers(11, 400), numbers(29, 300));
  }

  private static DriftColumn empty(String name) {
    return DriftColumn.numbers(name, numbers(11, 400), new double[] {Double.NaN});
  }

  @Test
  void halfTheColumnsDriftingIsDatasetDriftByDefault() {
    DatasetDriftResult result =
        DriftAnalyzer.withDefaults()
            .analyzeDataset(List.of(drifting("a"), stable("b"), drifting("c"), stable("d")));

    assertThat(result.driftShare()).isEqualTo(DriftAnalyzer.DEFAULT_DRIFT_SHARE);
    assertThat(result.computedColumns()).isEqualTo(4);
    assertThat(result.driftedColumns()).isEqualTo(2);
    assertThat(result.shareDrifted()).isEqualTo(0.5);
    assertThat(result.datasetDrifted()).isTrue();
    assertThat(result.columns())
        .extracting(ColumnDriftResult::column)
        .containsExactly("a", "b", "c", "d");
    assertThat(result.column("c")).hasValueSatisfying(c -> assertThat(c.drifted()).isTrue());
    assertThat(result.column("missing")).isEmpty();
  }

  @Test
  void aHigherDriftShareNeedsMoreDriftingColumns() {
    DatasetDriftResult result =
        DriftAnalyzer.withDriftShare(0.6)
            .analyzeDataset(List.of(drifting("a"), stable("b"), drifting("c"), stable("d")));

    assertThat(result.shareDrifted()).isEqualTo(0.5);
    assertThat(result.datasetDrifted()).isFalse();
  }

  @Test
  void columnsThatAreNotComputableAreLeftOutOfTheShare() {
    DatasetDriftResult result =
        DriftAnalyzer.withDefaults()
            .analyzeDataset(List.of(drifting("a"), stable("b"), stable("c"), empty("d")));

    assertThat(result.columns()).hasSize(4);
    assertThat(result.computedColumns()).isEqualTo(3);
    assertThat(result.driftedColumns()).isEqualTo(1);
    assertThat(result.shareDrifted()).isEqualTo(1 / 3.0);
    assertThat(result.datasetDrifted()).isFalse();
  }

  @Test
  void noComputableColumnIsNoDatasetDrift() {
    DatasetDriftResult result =
        DriftAnalyzer.withDefaults().analyzeDataset(List.of(empty("a"), empty("b")));

    assertThat(result.computedColumns()).isZero();
    assertThat(result.shareDrifted()).isZero();
    assertThat(result.datasetDrifted()).isFalse();
  }

  @Test
  void emptyDatasetIsNoDatasetDrift() {
    DatasetDriftResult result = DriftAnalyzer.withDefaults().analyzeDataset(List.of());

    assertThat(result.columns()).isEmpty();
    assertThat(result.datasetDrifted()).isFalse();
  }

  @Test
  void duplicateColumnNamesAreRejected() {
    assertThatThrownBy(
            () -> DriftAnalyzer.withDefaults().analyzeDataset(List.of(stable("a"), stable("a"))))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("columns"))
        .hasMessageContaining("'a'");
  }

  @Test
  void driftShareMustBeAShare() {
    for (double invalid : new double[] {0.0, -0.1, 1.01, Double.NaN}) {
      assertThatThrownBy(() -> DriftAnalyzer.withDriftShare(invalid))
          .as("drift share %s", invalid)
          .isInstanceOfSatisfying(
              DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("driftShare"));
    }
    assertThat(DriftAnalyzer.withDriftShare(1.0).driftShare()).isEqualTo(1.0);
  }

  @Test
  void resultRejectsCountsThatDisagreeWithItsColumns() {
    DatasetDriftResult valid =
        DriftAnalyzer.withDefaults().analyzeDataset(List.of(drifting("a"), stable("b")));

    assertThatThrownBy(
            () ->
                new DatasetDriftResult(
                    valid.columns(), 0.5, valid.computedColumns(), 0, 0.0, false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
