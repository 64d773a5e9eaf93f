package org.mlplatform.workflows.retraining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.SoftAssertions.assertSoftly;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.workflows.training.TrainedModel;
import org.mlplatform.workflows.training.TrainingRequest;
import org.mlplatform.workflows.training.TribuoTrainer;

/**
 * The evaluator against the real trainer: a freshly trained model, scored through its ONNX graph on
 * the evaluator's held-out rows, must get the metrics the trainer reported from Tribuo on its own
 * held-out rows. Equal metrics on every name mean the same rows, scored the same way.
 */
class HeldOutEvaluatorTest {

  private static final int ROWS = 2000;

  /**
   * The trainer scores in double precision, the ONNX graph in FP32 (inputs, weights and outputs):
   * probabilities and predictions differ by about 1e-7, which moves averages over hundreds of rows
   * by far less than this.
   */
  private static final double TOLERANCE = 1e-6;

  @TempDir static Path dir;
  private static Path binary;
  private static Path shuffledBinary;
  private static Path threeClasses;
  private static Path linear;
  private static Path shuffledLinear;

  private final TribuoTrainer trainer = new TribuoTrainer();

  @BeforeAll
  static void writeTrainingSets() throws IOException {
    binary = TrainingSets.binary(dir.resolve("binary.csv"), ROWS, false);
    shuffledBinary = TrainingSets.binary(dir.resolve("binary-shuffled.csv"), ROWS, true);
    threeClasses = TrainingSets.threeClasses(dir.resolve("three.csv"), ROWS);
    linear = TrainingSets.linear(dir.resolve("linear.csv"), ROWS, false);
    shuffledLinear = TrainingSets.linear(dir.resolve("linear-shuffled.csv"), ROWS, true);
  }

  @ParameterizedTest
  @CsvSource({
    "binary, logistic-regression",
    "binary, factorization-machine",
    "three, logistic-regression",
    "linear, linear-regression",
    "linear, factorization-machine-regression"
  })
  void aFreshlyTrainedModelGetsTheMetricsTheTrainerReported(String set, String algorithm)
      throws Exception {
    assertMatchesTrainer(set, algorithm, Map.of());
  }

  @Test
  void theSplitSettingsOfTheRunAreHonoured() throws Exception {
    assertMatchesTrainer("binary", "logistic-regression", Map.of("heldOutFraction", "0.35"));
    assertMatchesTrainer("linear", "linear-regression", Map.of("splitSeed", "7"));
  }

  @Test
  void anotherSplitGivesOtherMetrics() throws Exception {
    TrainedModel trained = train(binary, FeatureType.INT64, "logistic-regression", Map.of());
    HeldOutEvaluator otherRows =
        load(binary, FeatureType.INT64, TaskKind.CLASSIFICATION, new HeldOutSplitSettings(0.2, 99));

    HeldOutMetrics metrics = evaluate(otherRows, "candidate", trained);

    // The cross-check above is sharp: on other rows the same model scores measurably differently.
    assertThat(metrics.metrics().get("log_loss"))
        .isNotCloseTo(trained.metrics().get("log_loss"), within(1e-4));
  }

  @Test
  void aClassifierTrainedOnShuffledLabelsLosesOnAccuracy() throws Exception {
    HeldOutEvaluator evaluator = load(binary, FeatureType.INT64, TaskKind.CLASSIFICATION);
    HeldOutMetrics good =
        evaluate(
            evaluator,
            "candidate",
            train(binary, FeatureType.INT64, "logistic-regression", Map.of()));
    HeldOutMetrics worse =
        evaluate(
            evaluator,
            "champion",
            train(shuffledBinary, FeatureType.INT64, "logistic-regression", Map.of()));

    assertThat(good.primaryMetricName()).isEqualTo("accuracy");
    assertThat(good.rowsScored()).isEqualTo(worse.rowsScored()).isEqualTo(evaluator.heldOutRows());
    assertThat(good.primaryMetric()).isGreaterThan(0.85);
    assertThat(worse.primaryMetric()).isLessThan(0.65);
    assertThat(good.isBetterThan(worse)).isTrue();
    assertThat(worse.isBetterThan(good)).isFalse();
    assertThat(worse.metrics().get("auc")).isLessThan(good.metrics().get("auc"));
  }

  @Test
  void predictionsAreTheScoresTheMetricsWereComputedFrom() throws Exception {
    HeldOutEvaluator evaluator = load(binary, FeatureType.INT64, TaskKind.CLASSIFICATION);
    TrainedModel trained = train(binary, FeatureType.INT64, "logistic-regression", Map.of());
    float[][] predictions;
    HeldOutMetrics metrics;
    try (OnnxScorer scorer = new OnnxScorer(trained.onnx())) {
      EvaluatedModel model = EvaluatedModel.of("candidate", trained, scorer);
      predictions = evaluator.predictions(model);
      metrics = evaluator.evaluate(model);
    }

    assertThat(predictions).hasNumberOfRows(evaluator.heldOutRows());
    assertThat(predictions[0]).hasSize(trained.labels().size());
    double mostProbable =
        java.util.Arrays.stream(predictions)
            .mapToDouble(row -> Math.max(row[0], row[1]))
            .min()
            .orElseThrow();
    assertThat(mostProbable).isGreaterThanOrEqualTo(0.5);
    assertThat(metrics.rowsScored()).isEqualTo(predictions.length);
  }

  @Test
  void aRegressorTrainedOnShuffledLabelsLosesOnRmse() throws Exception {
    HeldOutEvaluator evaluator = load(linear, FeatureType.FLOAT64, TaskKind.REGRESSION);
    HeldOutMetrics good =
        evaluate(
            evaluator,
            "candidate",
            train(linear, FeatureType.FLOAT64, "linear-regression", Map.of()));
    HeldOutMetrics worse =
        evaluate(
            evaluator,
            "champion",
            train(shuffledLinear, FeatureType.FLOAT64, "linear-regression", Map.of()));

    assertThat(good.primaryMetricName()).isEqualTo("rmse");
    assertThat(good.primaryMetric()).isLessThan(worse.primaryMetric() / 3);
    assertThat(good.isBetterThan(worse)).isTrue();
    assertThat(worse.isBetterThan(good)).isFalse();
    assertThat(worse.metrics().get("r2")).isLessThan(0.1);
  }

  @Test
  void aModelOfTheOtherKindIsRefused() throws Exception {
    HeldOutEvaluator evaluator = load(linear, FeatureType.FLOAT64, TaskKind.REGRESSION);
    TrainedModel classifier = train(binary, FeatureType.INT64, "logistic-regression", Map.of());

    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> evaluator.evaluate(EvaluatedModel.of("champion", classifier, rows -> rows)));

    assertThat(refused).hasMessageContaining("'champion' is a classifier");
  }

  private void assertMatchesTrainer(String set, String algorithm, Map<String, String> settings)
      throws Exception {
    Path csv =
        switch (set) {
          case "binary" -> binary;
          case "three" -> threeClasses;
          default -> linear;
        };
    FeatureType labelType =
        switch (set) {
          case "binary" -> FeatureType.INT64;
          case "three" -> FeatureType.STRING;
          default -> FeatureType.FLOAT64;
        };
    TrainedModel trained = train(csv, labelType, algorithm, settings);
    HeldOutEvaluator evaluator =
        load(
            csv,
            labelType,
            set.equals("linear") ? TaskKind.REGRESSION : TaskKind.CLASSIFICATION,
            HeldOutSplitSettings.fromHyperparameters(trained.hyperparameters()));

    HeldOutMetrics metrics = evaluate(evaluator, "candidate", trained);

    assertThat(evaluator.heldOutRows()).isEqualTo(trained.rows().test());
    assertThat(evaluator.labelledRows()).isEqualTo(trained.rows().train() + trained.rows().test());
    assertThat(evaluator.unlabelledRows()).isEqualTo(trained.rows().skipped());
    assertThat(metrics.rowsScored()).isEqualTo(trained.rows().test());
    assertThat(metrics.rowsSkipped()).isZero();
    assertThat(metrics.metrics().keySet()).containsExactlyElementsOf(trained.metrics().keySet());
    assertSoftly(
        softly ->
            trained
                .metrics()
                .forEach(
                    (name, reported) ->
                        softly
                            .assertThat(metrics.metrics().get(name))
                            .as("%s of %s on %s", name, algorithm, set)
                            .isCloseTo(reported, within(TOLERANCE))));
  }

  private TrainedModel train(
      Path csv, FeatureType labelType, String algorithm, Map<String, String> settings)
      throws IOException, InterruptedException {
    return trainer.train(
        csv,
        TrainingSets.columns(labelType),
        new TrainingRequest(TrainingSets.LABEL, algorithm, settings),
        progress -> {});
  }

  private static HeldOutEvaluator load(Path csv, FeatureType labelType, TaskKind kind)
      throws IOException, InterruptedException {
    return load(csv, labelType, kind, HeldOutSplitSettings.DEFAULTS);
  }

  private static HeldOutEvaluator load(
      Path csv, FeatureType labelType, TaskKind kind, HeldOutSplitSettings split)
      throws IOException, InterruptedException {
    return HeldOutEvaluator.load(
        csv, TrainingSets.columns(labelType), TrainingSets.LABEL, kind, split);
  }

  private static HeldOutMetrics evaluate(
      HeldOutEvaluator evaluator, String name, TrainedModel trained) throws Exception {
    try (OnnxScorer scorer = new OnnxScorer(trained.onnx())) {
      return evaluator.evaluate(EvaluatedModel.of(name, trained, scorer));
    }
  }
}
