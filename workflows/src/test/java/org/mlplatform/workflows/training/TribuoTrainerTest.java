package org.mlplatform.workflows.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlplatform.domain.features.FeatureType;
import org.tribuo.Example;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

class TribuoTrainerTest {

  private static final int ROWS = 2000;
  private static final List<String> SORTED_FEATURES =
      List.of("profile__mid", "txn__alpha", "txn__beta", "txn__zeta");

  @TempDir static Path dir;
  private static Path binary;
  private static Path threeClasses;
  private static Path linear;

  private final TribuoTrainer trainer = new TribuoTrainer();

  @BeforeAll
  static void writeTrainingSets() throws IOException {
    binary = SyntheticTrainingSet.binary(dir, ROWS);
    threeClasses = SyntheticTrainingSet.threeClasses(dir, ROWS);
    linear = SyntheticTrainingSet.linear(dir, ROWS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"logistic-regression", "factorization-machine"})
  void classifiersSeparateBinaryDataAndTheirOnnxGraphAgreesWithTribuo(String algorithm)
      throws Exception {
    TrainingOutcome<?> outcome = train(binary, FeatureType.INT64, algorithm, Map.of());
    TrainedModel model = outcome.trained();

    assertThat(model.algorithm()).isEqualTo(algorithm);
    assertThat(model.labels()).containsExactlyInAnyOrder("0", "1");
    assertThat(model.positiveLabel()).isEqualTo("1");
    assertThat(model.metrics())
        .containsKeys(
            "accuracy",
            "auc",
            "log_loss",
            "precision",
            "recall",
            "f1",
            "precision_macro",
            "recall_macro",
            "f1_macro");
    assertThat(model.metrics().get("accuracy")).isGreaterThan(0.8);
    assertThat(model.metrics().get("auc")).isGreaterThan(0.9);
    assertThat(model.metrics().get("log_loss")).isBetween(0.0, 0.5);
    assertOnnxAgreesWithTribuo(outcome);
  }

  @Test
  void describesTheModelInputOutputAndRows() throws Exception {
    TrainedModel model =
        train(binary, FeatureType.INT64, "logistic-regression", Map.of()).trained();

    // Tribuo numbers features by sorted name, whatever the file order.
    assertThat(model.featureOrder()).isEqualTo(SORTED_FEATURES);
    assertThat(model.imputation().keySet()).containsExactlyElementsOf(SORTED_FEATURES);
    assertThat(model.imputation().values()).allSatisfy(v -> assertThat(v).isBetween(-0.15, 0.15));
    long skipped = SyntheticTrainingSet.nullLabels(ROWS);
    assertThat(model.rows().skipped()).isEqualTo(skipped);
    assertThat(model.rows().train() + model.rows().test()).isEqualTo(ROWS - skipped);
    assertThat(model.rows().test()).isEqualTo(Math.round((ROWS - skipped) * 0.2));
    assertThat(model.trainingTime()).isPositive();
    assertThat(model.hyperparameters())
        .containsEntry("epochs", "10")
        .containsEntry("optimiser", "adagrad")
        .containsEntry("learningRate", "1.0")
        .containsEntry("minibatchSize", "1")
        .containsEntry("seed", "12345")
        .containsEntry("heldOutFraction", "0.2")
        .containsEntry("splitSeed", "12345")
        .doesNotContainKeys("factorSize", "variance", "positiveLabel");

    try (OnnxRunner onnx = new OnnxRunner(model.onnx())) {
      NodeInfo input = onnx.session().getInputInfo().get("input");
      NodeInfo output = onnx.session().getOutputInfo().get("output");
      assertThat(((TensorInfo) input.getInfo()).getShape()).containsExactly(-1, 4);
      assertThat(((TensorInfo) output.getInfo()).getShape()).containsExactly(-1, 2);
    }
  }

  @Test
  void referencePredictionsReplayThroughOnnx() throws Exception {
    TrainedModel model =
        train(binary, FeatureType.INT64, "logistic-regression", Map.of()).trained();

    assertThat(model.referencePredictions()).hasSize(TribuoTrainer.REFERENCE_ROWS);
    double[][] inputs =
        model.referencePredictions().stream()
            .map(ReferencePrediction::inputs)
            .toArray(double[][]::new);
    try (OnnxRunner onnx = new OnnxRunner(model.onnx())) {
      double[][] outputs = onnx.run(inputs);
      for (int r = 0; r < outputs.length; r++) {
        double[] expected = model.referencePredictions().get(r).outputs();
        for (int c = 0; c < expected.length; c++) {
          assertThat(outputs[r][c]).isCloseTo(expected[c], within(1e-5));
        }
      }
    }
  }

  @Test
  void multiClassLogisticRegressionReportsMacroMetrics() throws Exception {
    TrainingOutcome<?> outcome =
        train(threeClasses, FeatureType.STRING, "logistic-regression", Map.of());
    TrainedModel model = outcome.trained();

    assertThat(model.labels()).containsExactlyInAnyOrder("low", "mid", "high");
    assertThat(model.positiveLabel()).isNull();
    assertThat(model.metrics()).containsKeys("accuracy", "auc_macro", "log_loss", "f1_macro");
    assertThat(model.metrics()).doesNotContainKeys("auc", "precision", "recall");
    assertThat(model.metrics().get("accuracy")).isGreaterThan(0.8);
    assertOnnxAgreesWithTribuo(outcome);
  }

  @Test
  void aPositiveLabelCanBeChosen() throws Exception {
    TrainedModel model =
        train(
                threeClasses,
                FeatureType.STRING,
                "logistic-regression",
                Map.of("positiveLabel", "mid"))
            .trained();

    assertThat(model.positiveLabel()).isEqualTo("mid");
    assertThat(model.metrics()).containsKeys("auc", "precision", "recall", "f1", "auc_macro");
    assertThat(model.hyperparameters()).containsEntry("positiveLabel", "mid");
  }

  @ParameterizedTest
  @ValueSource(strings = {"linear-regression", "factorization-machine-regression"})
  void regressorsFitLinearDataAndTheirOnnxGraphAgreesWithTribuo(String algorithm) throws Exception {
    TrainingOutcome<?> outcome = train(linear, FeatureType.FLOAT64, algorithm, Map.of());
    TrainedModel model = outcome.trained();

    assertThat(model.labels()).containsExactly(SyntheticTrainingSet.LABEL);
    assertThat(model.positiveLabel()).isNull();
    assertThat(model.metrics()).containsOnlyKeys("rmse", "mae", "r2");
    assertThat(model.metrics().get("r2")).isGreaterThan(0.9);
    assertOnnxAgreesWithTribuo(outcome);
  }

  @Test
  void theSameSettingsGiveTheSameBytes() throws Exception {
    Map<String, String> settings = Map.of("seed", "7", "epochs", "3");
    TrainedModel first =
        train(binary, FeatureType.INT64, "logistic-regression", settings).trained();
    TrainedModel second =
        train(binary, FeatureType.INT64, "logistic-regression", settings).trained();
    TrainedModel otherSeed =
        train(binary, FeatureType.INT64, "logistic-regression", Map.of("seed", "8", "epochs", "3"))
            .trained();

    assertThat(second.onnx()).isEqualTo(first.onnx());
    assertThat(second.metrics()).isEqualTo(first.metrics());
    assertThat(otherSeed.onnx()).isNotEqualTo(first.onnx());
  }

  @ParameterizedTest
  @CsvSource({"5, 1", "4, 32", "3, 5000"})
  void progressMovesForwardThroughEveryEpochToOne(int epochs, int minibatchSize) throws Exception {
    List<Double> reports = new ArrayList<>();
    trainer.train(
        binary,
        SyntheticTrainingSet.columns(FeatureType.INT64),
        new TrainingRequest(
            SyntheticTrainingSet.LABEL,
            "logistic-regression",
            Map.of("epochs", "" + epochs, "minibatchSize", "" + minibatchSize)),
        reports::add);

    assertThat(reports).isSorted().doesNotHaveDuplicates();
    assertThat(reports.getFirst()).isGreaterThan(0);
    assertThat(reports.getLast()).isEqualTo(1.0);
    // Reading ends at 0.2 and training at 0.85: one report per epoch lies in between.
    assertThat(reports.stream().filter(p -> p > 0.2 && p <= 0.85)).hasSize(epochs);
  }

  @Test
  void interruptingTheThreadCancelsTraining() {
    Thread self = Thread.currentThread();
    InterruptedException cancelled =
        assertThrows(
            InterruptedException.class,
            () ->
                trainer.train(
                    binary,
                    SyntheticTrainingSet.columns(FeatureType.INT64),
                    new TrainingRequest(
                        SyntheticTrainingSet.LABEL, "logistic-regression", Map.of("epochs", "50")),
                    progress -> {
                      if (progress > 0.3) {
                        self.interrupt();
                      }
                    }));

    assertThat(cancelled).hasMessageContaining("during training");
    assertThat(Thread.interrupted()).isFalse();
  }

  private TrainingOutcome<?> train(
      Path csv, FeatureType labelType, String algorithm, Map<String, String> hyperparameters)
      throws IOException, InterruptedException {
    return trainer.run(
        csv,
        SyntheticTrainingSet.columns(labelType),
        new TrainingRequest(SyntheticTrainingSet.LABEL, algorithm, hyperparameters),
        progress -> {});
  }

  /** Feeds every held-out row to the ONNX graph in the stated feature order. */
  private static <T extends Output<T>> void assertOnnxAgreesWithTribuo(TrainingOutcome<T> outcome)
      throws OrtException {
    TrainedModel model = outcome.trained();
    List<Prediction<T>> predictions = outcome.predictions();
    assertThat(predictions).hasSize((int) model.rows().test());
    double[][] inputs = new double[predictions.size()][];
    for (int r = 0; r < inputs.length; r++) {
      Example<T> example = predictions.get(r).getExample();
      inputs[r] =
          model.featureOrder().stream().mapToDouble(f -> example.lookup(f).getValue()).toArray();
    }
    try (OnnxRunner onnx = new OnnxRunner(model.onnx())) {
      double[][] outputs = onnx.run(inputs);
      for (int r = 0; r < outputs.length; r++) {
        double[] expected = tribuoOutputs(predictions.get(r), model.labels());
        assertThat(outputs[r]).hasSize(expected.length);
        for (int c = 0; c < expected.length; c++) {
          // FP32 in the graph: absolute 1e-5 for probabilities, relative for larger values.
          double tolerance = 1e-5 * Math.max(1, Math.abs(expected[c]));
          assertThat(outputs[r][c])
              .as("row %d, column %d", r, c)
              .isCloseTo(expected[c], within(tolerance));
        }
      }
    }
  }

  private static double[] tribuoOutputs(Prediction<?> prediction, List<String> labels) {
    return switch (prediction.getOutput()) {
      case Label ignored ->
          labels.stream()
              .mapToDouble(l -> ((Label) prediction.getOutputScores().get(l)).getScore())
              .toArray();
      case Regressor regressor ->
          labels.stream()
              .mapToDouble(l -> regressor.getDimension(l).orElseThrow().getValue())
              .toArray();
      default -> throw new AssertionError("unexpected output " + prediction.getOutput());
    };
  }
}
