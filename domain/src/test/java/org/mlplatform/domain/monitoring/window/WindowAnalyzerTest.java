package org.mlplatform.domain.monitoring.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.monitoring.DriftAnalyzer;
import org.mlplatform.domain.monitoring.DriftMethod;
import org.mlplatform.domain.monitoring.DriftOptions;
import org.mlplatform.domain.monitoring.quality.ColumnQualityResult;

/**
 * A window against its baseline: the shifted feature drifts and the other does not, the prediction
 * is tested as categories, overrides apply per column, and quality covers every column.
 */
class WindowAnalyzerTest {

  private static final List<String> FEATURES = List.of("steady", "shifted");

  private static Baseline baseline(Random random, int rows) {
    double[][] reference = new double[2][rows];
    String[] labels = new String[rows];
    for (int r = 0; r < rows; r++) {
      reference[0][r] = random.nextGaussian();
      reference[1][r] = random.nextGaussian();
      labels[r] = reference[1][r] > 0 ? "fraud" : "ok";
    }
    return new Baseline(
        FEATURES, reference, PredictionKind.LABEL, labels, new double[0], "training set t");
  }

  private static WindowColumns window(Random random, int rows, double shift) {
    WindowColumns window = new WindowColumns(FEATURES, PredictionKind.LABEL, rows);
    for (int r = 0; r < rows; r++) {
      double shifted = random.nextGaussian() + shift;
      window.addLabelled(
          new double[] {random.nextGaussian(), shifted}, 0, shifted > 0 ? "fraud" : "ok");
    }
    return window;
  }

  @Test
  void theShiftedFeatureAndThePredictionDriftTheSteadyOneDoesNot() {
    Random random = new Random(3);
    WindowReport report =
        new WindowAnalyzer(DriftAnalyzer.withDefaults(), name -> DriftOptions.defaults())
            .analyze(baseline(random, 800), window(random, 600, 2.0));

    assertThat(report.rows()).isEqualTo(600);
    assertThat(report.features().column("steady").orElseThrow().drifted()).isFalse();
    assertThat(report.features().column("shifted").orElseThrow().drifted()).isTrue();
    assertThat(report.features().column("shifted").orElseThrow().method())
        .contains(DriftMethod.KOLMOGOROV_SMIRNOV);
    assertThat(report.features().datasetDrifted()).isTrue(); // one of two is half
    assertThat(report.prediction().orElseThrow().drifted()).isTrue();
    assertThat(report.prediction().orElseThrow().method()).contains(DriftMethod.Z_TEST);
    assertThat(report.quality())
        .extracting(ColumnQualityResult::column)
        .containsExactly("steady", "shifted", WindowReport.PREDICTION);
    assertThat(report.quality().get(1).outOfRange().orElseThrow().value().getAsDouble())
        .isGreaterThan(0);
  }

  @Test
  void largeReferencesUseDistancesAndOverridesWinPerColumn() {
    Random random = new Random(4);
    WindowAnalyzer analyzer =
        new WindowAnalyzer(
            DriftAnalyzer.withDriftShare(1.0),
            name ->
                name.equals("steady")
                    ? DriftOptions.defaults().withMethod(DriftMethod.PSI)
                    : DriftOptions.defaults());

    WindowReport report = analyzer.analyze(baseline(random, 5_000), window(random, 2_000, 2.0));

    assertThat(report.features().column("shifted").orElseThrow().method())
        .contains(DriftMethod.WASSERSTEIN);
    assertThat(report.features().column("steady").orElseThrow().method()).contains(DriftMethod.PSI);
    assertThat(report.prediction().orElseThrow().method()).contains(DriftMethod.JENSEN_SHANNON);
    assertThat(report.features().datasetDrifted()).isFalse(); // every feature must drift at 1.0
  }

  @Test
  void anEmptyWindowIsNotComputableRatherThanAnError() {
    Random random = new Random(5);
    WindowReport report =
        new WindowAnalyzer(DriftAnalyzer.withDefaults(), name -> DriftOptions.defaults())
            .analyze(baseline(random, 100), new WindowColumns(FEATURES, PredictionKind.LABEL, 5));

    assertThat(report.features().computedColumns()).isZero();
    assertThat(report.features().datasetDrifted()).isFalse();
    assertThat(report.quality()).noneMatch(ColumnQualityResult::isComputed);
  }

  @Test
  void aWindowOfOtherColumnsIsRefused() {
    Random random = new Random(6);
    WindowColumns other = new WindowColumns(List.of("x"), PredictionKind.LABEL, 5);

    assertThatThrownBy(
            () ->
                new WindowAnalyzer(DriftAnalyzer.withDefaults(), name -> DriftOptions.defaults())
                    .analyze(baseline(random, 10), other))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void columnsAnalysedInParallelGiveTheSequentialReport() {
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(3);
    try {
      Baseline baseline = baseline(new Random(7), 900);
      WindowColumns window = window(new Random(8), 700, 0.3);
      WindowReport sequential =
          new WindowAnalyzer(DriftAnalyzer.withDefaults(), name -> DriftOptions.defaults())
              .analyze(baseline, window);
      WindowReport parallel =
          new WindowAnalyzer(DriftAnalyzer.withDefaults(), name -> DriftOptions.defaults(), pool)
              .analyze(baseline, window);

      assertThat(parallel).isEqualTo(sequential);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anOverrideThatDoesNotFitItsColumnFailsAsIfSequential() {
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      WindowAnalyzer analyzer =
          new WindowAnalyzer(
              DriftAnalyzer.withDefaults(),
              name ->
                  name.equals(WindowReport.PREDICTION)
                      ? DriftOptions.defaults().withMethod(DriftMethod.WASSERSTEIN)
                      : DriftOptions.defaults(),
              pool);

      assertThatThrownBy(
              () -> analyzer.analyze(baseline(new Random(9), 50), window(new Random(10), 50, 0)))
          .isInstanceOf(IllegalArgumentException.class);
    } finally {
      pool.shutdownNow();
    }
  }
}
