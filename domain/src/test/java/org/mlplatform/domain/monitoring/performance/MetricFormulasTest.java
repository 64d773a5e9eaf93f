package org.mlplatform.domain.monitoring.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.DomainValidationException;

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

    Map<String, Double> metrics = ClassificationMetrics.of(CLASSES, 1, truth, probabilities);

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

    Map<String, Double> metrics = ClassificationMetrics.of(CLASSES, 2, truth, probabilities);

    // Precision, recall, f1: a 2/3, 1, 0.8; b 0, 0, 0; c 0, 0, 0 (never predicted, never true).
    assertThat(metrics.get("precision_macro")).isCloseTo(2.0 / 9, within(1e-12));
    assertThat(metrics.get("recall_macro")).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(metrics.get("f1_macro")).isCloseTo(0.8 / 3, within(1e-12));
    assertThat(metrics).containsEntry("precision", 0.0).doesNotContainKeys("auc", "auc_macro");
  }

  @Test
  void aucEqualsTheShareOfPairsWonWithTiesCountingHalf() {
    // Tribuo's trapezoids over tied thresholds give the same area; HeldOutEvaluatorTest checks the
    // formulas against the trainer's Tribuo metrics end to end.
    SplittableRandom random = new SplittableRandom(11);
    int n = 500;
    int[] truth = new int[n];
    float[][] probabilities = new float[n][2];
    for (int r = 0; r < n; r++) {
      truth[r] = random.nextInt(3) == 0 ? 1 : 0;
      // Coarse scores, so that many rows tie.
      float score = Math.round((truth[r] * 0.2 + random.nextDouble() * 0.8) * 20) / 20f;
      probabilities[r] = new float[] {1 - score, score};
    }

    assertThat(ClassificationMetrics.auc(1, truth, probabilities))
        .isCloseTo(pairsWon(1, truth, probabilities), within(1e-12));
  }

  @Test
  void aucIsNaNWithoutBothKindsOfRows() {
    assertThat(ClassificationMetrics.auc(0, new int[] {0, 0}, new float[][] {{1, 0}, {0.4f, 0.6f}}))
        .isNaN();
  }

  @Test
  void labelsAreMappedToClassesAndUnknownLabelsSkipped() {
    float[][] probabilities = {
      {0.7f, 0.2f, 0.1f},
      {0.2f, 0.5f, 0.3f},
      {0.5f, 0.4f, 0.1f},
      {0.3f, 0.4f, 0.3f},
      {0.1f, 0.4f, 0.5f},
      {0.9f, 0.1f, 0f},
      {0.1f, 0.1f, 0.8f}
    };
    List<String> labels = Arrays.asList("a", "b", "b", "a", "c", "z", null);

    Map<String, Double> byLabel = ClassificationMetrics.of(CLASSES, "b", labels, probabilities);

    assertThat(byLabel)
        .isEqualTo(
            ClassificationMetrics.of(
                CLASSES, 1, new int[] {0, 1, 1, 0, 2}, Arrays.copyOf(probabilities, 5)));
  }

  @Test
  void withoutAPositiveLabelOnlyTheMacroFormsAppear() {
    Map<String, Double> metrics =
        ClassificationMetrics.of(
            CLASSES, null, List.of("a", "b", "c"), new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});

    assertThat(metrics.keySet())
        .containsExactly(
            "accuracy", "log_loss", "precision_macro", "recall_macro", "f1_macro", "auc_macro");
    assertThat(metrics.get("accuracy")).isEqualTo(1.0);
  }

  @Test
  void noRowsGiveNoMetrics() {
    assertThat(ClassificationMetrics.of(CLASSES, "a", List.of("z"), new float[][] {{1, 0, 0}}))
        .isEmpty();
    assertThat(RegressionMetrics.of(new double[0], new double[0])).isEmpty();
  }

  @Test
  void badShapesNameTheArgumentAtFault() {
    float[][] oneRow = {{0.5f, 0.5f, 0f}};
    assertThatThrownBy(() -> ClassificationMetrics.of(CLASSES, "d", List.of("a"), oneRow))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("positiveLabel"));
    assertThatThrownBy(
            () -> ClassificationMetrics.of(List.of("a", "a"), null, List.of("a"), oneRow))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("classes"));
    assertThatThrownBy(() -> ClassificationMetrics.of(CLASSES, -1, new int[] {0, 1}, oneRow))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("probabilities"));
    assertThatThrownBy(
            () -> ClassificationMetrics.of(CLASSES, -1, new int[] {0}, new float[][] {{1f, 0f}}))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("probabilities"));
    assertThatThrownBy(() -> ClassificationMetrics.of(CLASSES, -1, new int[] {3}, oneRow))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("truth"));
    assertThatThrownBy(() -> ClassificationMetrics.of(CLASSES, 3, new int[] {0}, oneRow))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("positive"));
    assertThatThrownBy(() -> RegressionMetrics.of(new double[2], new double[1]))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("predicted"));
  }

  @Test
  void constantTruthGivesNoR2() {
    assertThat(RegressionMetrics.of(new double[] {2, 2}, new double[] {1, 3}).keySet())
        .containsExactly("rmse", "mae");
  }

  /** The definition itself, pair by pair: slow, but nothing to get wrong. */
  private static double pairsWon(int positive, int[] truth, float[][] probabilities) {
    double won = 0;
    long pairs = 0;
    for (int p = 0; p < truth.length; p++) {
      for (int q = 0; q < truth.length; q++) {
        if (truth[p] == positive && truth[q] != positive) {
          float a = probabilities[p][positive];
          float b = probabilities[q][positive];
          won += a > b ? 1 : a == b ? 0.5 : 0;
          pairs++;
        }
      }
    }
    return won / pairs;
  }

  @Test
  void regressorMetricsByHand() {
    double[] truth = {1, 2, 3, 6};
    double[] predicted = {1.5, 2, 2, 6};

    Map<String, Double> metrics = RegressionMetrics.of(truth, predicted);

    // Errors -0.5, 0, 1, 0; truth mean 3, squared deviations 4 + 1 + 0 + 9.
    assertThat(metrics.keySet()).containsExactly("rmse", "mae", "r2");
    assertThat(metrics.get("rmse")).isCloseTo(Math.sqrt(1.25 / 4), within(1e-12));
    assertThat(metrics.get("mae")).isCloseTo(1.5 / 4, within(1e-12));
    assertThat(metrics.get("r2")).isCloseTo(1 - 1.25 / 14, within(1e-12));
  }
}
