package org.mlplatform.workflows.retraining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.training.TrainingColumn;
import org.mlplatform.domain.features.training.TrainingColumn.Role;

/** How the evaluator feeds models and what it refuses, with stand-in scorers on a tiny set. */
class HeldOutEvaluatorRulesTest {

  private static final List<TrainingColumn> COLUMNS =
      List.of(
          new TrainingColumn("customer_id", FeatureType.INT64, Role.JOIN_KEY, null),
          new TrainingColumn("label", FeatureType.STRING, Role.PASSTHROUGH, null),
          new TrainingColumn("view__a", FeatureType.FLOAT64, Role.FEATURE, "view:a"),
          new TrainingColumn("view__b", FeatureType.FLOAT64, Role.FEATURE, "view:b"));
  private static final List<String> CLASSES = List.of("c0", "c1", "c2");
  private static final HeldOutSplitSettings HALF = new HeldOutSplitSettings(0.5, 3);
  private static final int ROWS = 10;

  @TempDir Path dir;

  @Test
  void feedsEachModelItsOwnFeatureOrderAndImputation() throws Exception {
    HeldOutEvaluator evaluator = tenRows();
    List<float[]> fed = new ArrayList<>();

    HeldOutMetrics metrics =
        evaluator.evaluate(
            classifier(
                List.of("view__b", "view__a"),
                CLASSES,
                inputs -> {
                  fed.addAll(Arrays.asList(inputs));
                  return uniform(inputs.length, CLASSES.size());
                }));

    // view__a is the row number; view__b is missing on even rows and 10 * a on odd ones.
    assertThat(fed.stream().mapToInt(row -> (int) row[1]).toArray())
        .containsExactly(HeldOutPositions.of(ROWS, HALF));
    for (float[] row : fed) {
      int a = (int) row[1];
      assertThat(row[0]).isEqualTo(a % 2 == 0 ? -1f : 10f * a);
    }
    assertThat(metrics.rowsScored()).isEqualTo(5);
    assertThat(metrics.rowsSkipped()).isZero();
  }

  @Test
  void rowsOfAClassTheModelDoesNotKnowAreSkippedAndCounted() throws Exception {
    HeldOutEvaluator evaluator = tenRows();
    long unknown =
        Arrays.stream(HeldOutPositions.of(ROWS, HALF)).filter(row -> row % 3 == 2).count();

    HeldOutMetrics metrics =
        evaluator.evaluate(
            classifier(
                List.of("view__a"), List.of("c0", "c1"), inputs -> uniform(inputs.length, 2)));

    assertThat(unknown).isPositive();
    assertThat(metrics.rowsSkipped()).isEqualTo(unknown);
    assertThat(metrics.rowsScored()).isEqualTo(5 - unknown);
  }

  @Test
  void aModelThatKnowsNoneOfTheClassesIsRefused() throws Exception {
    HeldOutEvaluator evaluator = tenRows();

    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                evaluator.evaluate(
                    classifier(List.of("view__a"), List.of("x", "y"), inputs -> inputs)));

    assertThat(refused)
        .hasMessageContaining("knows none of the classes")
        .hasMessageContaining("[x, y]");
  }

  @Test
  void aMissingFeatureIsNamed() throws Exception {
    HeldOutEvaluator evaluator = tenRows();

    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                evaluator.evaluate(
                    classifier(
                        List.of("view__a", "view__gone", "customer_id"),
                        CLASSES,
                        inputs -> uniform(inputs.length, 3))));

    assertThat(refused)
        .hasMessageContaining("model 'champion' needs features")
        .hasMessageContaining("'view__gone' (not in this training set)")
        .hasMessageContaining("'customer_id' (a INT64 JOIN_KEY column here, not a numeric feature)")
        .hasMessageContaining("numeric feature columns are view__a, view__b");
  }

  @Test
  void anEmptyHeldOutSetIsRefused() throws Exception {
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {1L, "c0", 1.0, 2.0});
    rows.add(new Object[] {2L, null, 1.0, 2.0});
    rows.add(new Object[] {3L, "c1", 1.0, 2.0});
    rows.add(new Object[] {4L, "", 1.0, 2.0});
    Path csv = TrainingSets.write(dir.resolve("tiny.csv"), COLUMNS, rows);

    DomainValidationException refused =
        assertThrows(
            DomainValidationException.class,
            () -> HeldOutEvaluator.load(csv, COLUMNS, "label", TaskKind.CLASSIFICATION));

    assertThat(refused.field()).isEqualTo("trainingSet");
    assertThat(refused)
        .hasMessage(
            "the held-out set is empty: 2 rows have a label and holding out 0.2 of them leaves"
                + " none to evaluate on");
  }

  @Test
  void aLabelColumnThatIsNotThereIsNamed() throws Exception {
    Path csv = TrainingSets.write(dir.resolve("rows.csv"), COLUMNS, tenRowValues());

    DomainValidationException refused =
        assertThrows(
            DomainValidationException.class,
            () -> HeldOutEvaluator.load(csv, COLUMNS, "churned", TaskKind.CLASSIFICATION));

    assertThat(refused.field()).isEqualTo("label");
    assertThat(refused).hasMessageContaining("no column 'churned'");
  }

  @Test
  void aFileThatDoesNotMatchItsColumnsIsRefused() throws Exception {
    Path csv = TrainingSets.write(dir.resolve("rows.csv"), COLUMNS, tenRowValues());
    List<TrainingColumn> other = new ArrayList<>(COLUMNS);
    other.set(3, new TrainingColumn("view__c", FeatureType.FLOAT64, Role.FEATURE, "view:c"));

    DomainValidationException refused =
        assertThrows(
            DomainValidationException.class,
            () -> HeldOutEvaluator.load(csv, other, "label", TaskKind.CLASSIFICATION));

    assertThat(refused).hasMessageContaining("does not match the training set's columns");
  }

  @Test
  void aScorerAnsweringTheWrongShapeFailsTheEvaluation() throws Exception {
    HeldOutEvaluator evaluator = tenRows();

    IllegalStateException failed =
        assertThrows(
            IllegalStateException.class,
            () ->
                evaluator.evaluate(
                    classifier(List.of("view__a"), CLASSES, inputs -> uniform(inputs.length, 2))));

    assertThat(failed).hasMessageContaining("answered 2 values for a row");
  }

  @Test
  void aRegressorOfAnotherLabelIsRefused() throws Exception {
    List<TrainingColumn> columns =
        List.of(
            new TrainingColumn("target", FeatureType.FLOAT64, Role.PASSTHROUGH, null),
            new TrainingColumn("view__a", FeatureType.FLOAT64, Role.FEATURE, "view:a"));
    List<Object[]> rows = new ArrayList<>();
    for (int r = 0; r < ROWS; r++) {
      rows.add(new Object[] {r * 0.5, (double) r});
    }
    Path csv = TrainingSets.write(dir.resolve("regression.csv"), columns, rows);
    HeldOutEvaluator evaluator =
        HeldOutEvaluator.load(csv, columns, "target", TaskKind.REGRESSION, HALF);
    EvaluatedModel otherLabel =
        new EvaluatedModel(
            "champion",
            TaskKind.REGRESSION,
            List.of("view__a"),
            List.of("price"),
            null,
            Map.of("view__a", 0.0),
            inputs -> inputs);

    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate(otherLabel));

    assertThat(refused).hasMessageContaining("predicts 'price'");
  }

  private HeldOutEvaluator tenRows() throws IOException, InterruptedException {
    Path csv = TrainingSets.write(dir.resolve("rows.csv"), COLUMNS, tenRowValues());
    return HeldOutEvaluator.load(csv, COLUMNS, "label", TaskKind.CLASSIFICATION, HALF);
  }

  private static List<Object[]> tenRowValues() {
    List<Object[]> rows = new ArrayList<>();
    for (int r = 0; r < ROWS; r++) {
      rows.add(new Object[] {(long) r, "c" + r % 3, (double) r, r % 2 == 0 ? null : 10.0 * r});
    }
    return rows;
  }

  private static EvaluatedModel classifier(
      List<String> features, List<String> classes, Scorer scorer) {
    Map<String, Double> imputation = new java.util.LinkedHashMap<>();
    features.forEach(f -> imputation.put(f, f.equals("view__b") ? -1.0 : 0.0));
    return new EvaluatedModel(
        "champion", TaskKind.CLASSIFICATION, features, classes, null, imputation, scorer);
  }

  private static float[][] uniform(int rows, int classes) {
    float[][] outputs = new float[rows][classes];
    for (float[] row : outputs) {
      Arrays.fill(row, 1f / classes);
    }
    return outputs;
  }
}
