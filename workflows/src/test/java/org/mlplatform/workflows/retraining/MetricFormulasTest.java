package org.mlplatform.workflows.retraining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.evaluation.LabelEvaluationUtil;

/** The metric formulas on rows small enough to work out by hand. */
class MetricFormulasTest {

  private static final List<String> CLASSES = List.of("a", "b", "c");

  @Test
  void classifierMetricsByHand() {
    int[] truth = {0, 1, 1, 0, 2};
    float[][] probabilities = {
      {0.7f, 0.2f, 0.1f}, // a, predicted a
      {0.2f, 0.5f, 0.3f}, // b, predicted b
      {0.5f, 0.4f, 0.1f}, // b, predicted a
      {0.3f, 0.4f, 0.3f}, // a, predicted b
      {0.1f, 0.4f, 0.5f}, // c, predicted c
    };

    Map<String, Double> metrics = ClassifierMetrics.of(CLASSES, 1, truth, probabilities);

    assertThat(metrics.keySet())
        .containsExactly(
            "accuracy",
            "log_loss",
            "precision_macro",
            "recall_macro",
            "f1_macro",
            "precision",
            "recall",
            "f1",
            "auc",
            "auc_macro");
    assertThat(metrics.get("accuracy")).isCloseTo(0.6, within(1e-12));
    double logLoss =
        -(Math.log(0.7f) + Math.log(0.5f) + Math.log(0.4f) + Math.log(0.3f) + Math.log(0.5f)) / 5;
    assertThat(metrics.get("log_loss")).isCloseTo(logLoss, within(1e-12));
    // a: 1 of 2 predicted, 1 of 2 true; b: the same; c: 1 of 1 both ways.
    assertThat(metrics.get("precision_macro")).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(metrics.get("recall_macro")).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(metrics.get("f1_macro")).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(metrics.get("precision")).isCloseTo(0.5, within(1e-12));
    assertThat(metrics.get("recall")).isCloseTo(0.5, within(1e-12));
    assertThat(metrics.get("f1")).isCloseTo(0.5, within(1e-12));
    // b's scores: positives 0.5, 0.4; negatives 0.2, 0.4, 0.4. Pairs won: 3 + 1 + two ties of 1/2.
    assertThat(metrics.get("auc")).isCloseTo(5.0 / 6, within(1e-12));
    // a: 5/6 likewise; c: its one positive outscores every negative.
    assertThat(metrics.get("auc_macro")).isCloseTo((5.0 / 6 + 5.0 / 6 + 1) / 3, within(1e-12));
  }

  @Test
  void aClassNeverPredictedHasPrecisionZeroAndAnAbsentClassNoAuc() {
    int[] truth = {0, 0, 1};
    float[][] probabilities = {{0.9f, 0.1f, 0f}, {0.6f, 0.4f, 0f}, {0.8f, 0.2f, 0f}};

    Map<String, Double> metrics = ClassifierMetrics.of(CLASSES, 2, truth, probabilities);

    // Precision, recall, f1: a 2/3, 1, 0.8; b 0, 0, 0; c 0, 0, 0 (never predicted, never true).
    assertThat(metrics.get("precision_macro")).isCloseTo(2.0 / 9, within(1e-12));
    assertThat(metrics.get("recall_macro")).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(metrics.get("f1_macro")).isCloseTo(0.8 / 3, within(1e-12));
    assertThat(metrics).containsEntry("precision", 0.0).doesNotContainKeys("auc", "auc_macro");
  }

  @Test
  void aucEqualsTribuosRocAreaWithTies() {
    SplittableRandom random = new SplittableRandom(11);
    int n = 500;
    int[] truth = new int[n];
    float[][] probabilities = new float[n][2];
    boolean[] positive = new boolean[n];
    double[] scores = new double[n];
    for (int r = 0; r < n; r++) {
      truth[r] = random.nextInt(3) == 0 ? 1 : 0;
      // Coarse scores, so that many rows tie.
      float score = Math.round((truth[r] * 0.2 + random.nextDouble() * 0.8) * 20) / 20f;
      probabilities[r] = new float[] {1 - score, score};
      positive[r] = truth[r] == 1;
      scores[r] = score;
    }

    assertThat(ClassifierMetrics.auc(1, truth, probabilities))
        .isCloseTo(LabelEvaluationUtil.binaryAUCROC(positive, scores), within(1e-12));
  }

  @Test
  void regressorMetricsByHand() {
    double[] truth = {1, 2, 3, 6};
    double[] predicted = {1.5, 2, 2, 6};

    Map<String, Double> metrics = RegressorMetrics.of(truth, predicted);

    // Errors -0.5, 0, 1, 0; truth mean 3, squared deviations 4 + 1 + 0 + 9.
    assertThat(metrics.keySet()).containsExactly("rmse", "mae", "r2");
    assertThat(metrics.get("rmse")).isCloseTo(Math.sqrt(1.25 / 4), within(1e-12));
    assertThat(metrics.get("mae")).isCloseTo(1.5 / 4, within(1e-12));
    assertThat(metrics.get("r2")).isCloseTo(1 - 1.25 / 14, within(1e-12));
  }
}
