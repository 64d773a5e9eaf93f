package org.mlplatform.workflows.retraining;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mlplatform.domain.features.training.TrainingColumn;
import org.mlplatform.domain.monitoring.performance.ClassificationMetrics;
import org.mlplatform.domain.monitoring.performance.RegressionMetrics;

/**
 * Scores models on the held-out rows of one training set, so that a retrained candidate and the
 * champion are judged on the same rows in the same way.
 *
 * <p>The rows are those {@link org.mlplatform.workflows.training.TribuoTrainer} holds out for the
 * same training set, label and split settings: a candidate trained on this training set gets the
 * metrics the trainer reported for it (up to the FP32 arithmetic of its ONNX graph), and the
 * champion gets metrics that mean the same on the same rows. Each model is fed as serving feeds it:
 * its own feature order, its own imputation values for missing cells, FP32 inputs.
 *
 * <p>Immutable once loaded, and it holds the held-out rows in memory (reading holds all labelled
 * rows' numeric features for a moment, as training does). {@link #evaluate} may run concurrently
 * when the scorers allow it. Nothing here touches the registry or a transaction.
 */
public final class HeldOutEvaluator {

  /** How many rows go to the scorer at once. */
  static final int ROWS_PER_BATCH = 1024;

  private final String label;
  private final TaskKind kind;
  private final HeldOutRows rows;

  private HeldOutEvaluator(String label, TaskKind kind, HeldOutRows rows) {
    this.label = label;
    this.kind = kind;
    this.rows = rows;
  }

  /** {@link #load(Path, List, String, TaskKind, HeldOutSplitSettings)} with the trainer's split. */
  public static HeldOutEvaluator load(
      Path trainingSetCsv, List<TrainingColumn> columns, String label, TaskKind kind)
      throws IOException, InterruptedException {
    return load(trainingSetCsv, columns, label, kind, HeldOutSplitSettings.DEFAULTS);
  }

  /**
   * Reads a training set and keeps the rows the trainer would hold out.
   *
   * @param trainingSetCsv a training set as {@code CsvTrainingSetWriter} writes it
   * @param columns the training set's columns, in file order
   * @param label the column the models predict
   * @param kind whether they classify or regress; for a regression, rows whose label is not a
   *     finite number are left out before the split, as in training
   * @param split the candidate's {@code heldOutFraction} and {@code splitSeed}
   * @throws org.mlplatform.domain.DomainValidationException (an {@link IllegalArgumentException})
   *     naming {@code label} when the label column is missing or unsuitable, {@code trainingSet}
   *     when the file does not match the columns, holds a non-number in a feature column, or leaves
   *     the held-out set empty
   * @throws InterruptedException when the thread is interrupted while reading
   * @throws IOException when the file cannot be read
   */
  public static HeldOutEvaluator load(
      Path trainingSetCsv,
      List<TrainingColumn> columns,
      String label,
      TaskKind kind,
      HeldOutSplitSettings split)
      throws IOException, InterruptedException {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(split, "split");
    return new HeldOutEvaluator(
        label, kind, HeldOutRows.read(trainingSetCsv, columns, label, kind, split));
  }

  public String label() {
    return label;
  }

  public TaskKind kind() {
    return kind;
  }

  /** How many rows are held out. */
  public int heldOutRows() {
    return rows.size();
  }

  /** How many rows of the file have a usable label, held out or not. */
  public long labelledRows() {
    return rows.labelledRows();
  }

  /** How many rows of the file were left out for want of a usable label. */
  public long unlabelledRows() {
    return rows.unlabelledRows();
  }

  /**
   * Scores {@code model} on the held-out rows. A classifier is not judged on rows of a class it has
   * no output for; they are counted in {@link HeldOutMetrics#rowsSkipped()}.
   *
   * @throws IllegalArgumentException when the model cannot be evaluated here: it is of the other
   *     kind, a regressor of another label, it needs feature columns this training set lacks (all
   *     named), or it knows none of the held-out rows' classes
   * @throws IllegalStateException when the scorer answers with the wrong shape
   */
  public HeldOutMetrics evaluate(EvaluatedModel model) {
    requireSameTask(model);
    int[] inputColumns = inputColumns(model);
    double[] imputation =
        model.featureOrder().stream().mapToDouble(f -> model.imputation().get(f)).toArray();
    return kind == TaskKind.CLASSIFICATION
        ? classify(model, inputColumns, imputation)
        : regress(model, inputColumns, imputation);
  }

  /**
   * The model's outputs on every held-out row, in row order: class probabilities in its label order
   * for a classifier, the value for a regressor. What the version predicted on the data it was
   * judged on, which monitoring takes as its prediction baseline.
   *
   * @throws IllegalArgumentException as {@link #evaluate} for a model that does not fit the rows
   */
  public float[][] predictions(EvaluatedModel model) {
    requireSameTask(model);
    int[] inputColumns = inputColumns(model);
    double[] imputation =
        model.featureOrder().stream().mapToDouble(f -> model.imputation().get(f)).toArray();
    List<Integer> all = new ArrayList<>(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      all.add(r);
    }
    return score(model, all, inputColumns, imputation);
  }

  private HeldOutMetrics classify(EvaluatedModel model, int[] inputColumns, double[] imputation) {
    Map<String, Integer> classIndex = new HashMap<>();
    List<String> classes = model.outputLabels();
    for (int c = 0; c < classes.size(); c++) {
      classIndex.put(classes.get(c), c);
    }
    List<Integer> scoredRows = new ArrayList<>(rows.size());
    List<Integer> truth = new ArrayList<>(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      Integer trueClass = classIndex.get(rows.labels().get(r));
      if (trueClass != null) {
        scoredRows.add(r);
        truth.add(trueClass);
      }
    }
    if (scoredRows.isEmpty()) {
      throw new IllegalArgumentException(
          "model '"
              + model.name()
              + "' knows none of the classes of the "
              + rows.size()
              + " held-out rows of '"
              + label
              + "' (its classes: "
              + classes
              + ")");
    }
    float[][] probabilities = score(model, scoredRows, inputColumns, imputation);
    int positive = model.positiveLabel() == null ? -1 : classIndex.get(model.positiveLabel());
    return new HeldOutMetrics(
        kind,
        ClassificationMetrics.of(
            classes, positive, truth.stream().mapToInt(Integer::intValue).toArray(), probabilities),
        scoredRows.size(),
        rows.size() - scoredRows.size());
  }

  private HeldOutMetrics regress(EvaluatedModel model, int[] inputColumns, double[] imputation) {
    List<Integer> all = new ArrayList<>(rows.size());
    double[] truth = new double[rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      all.add(r);
      truth[r] = Double.parseDouble(rows.labels().get(r));
    }
    float[][] outputs = score(model, all, inputColumns, imputation);
    double[] predicted = Arrays.stream(outputs).mapToDouble(row -> row[0]).toArray();
    return new HeldOutMetrics(kind, RegressionMetrics.of(truth, predicted), rows.size(), 0);
  }

  /** The model's outputs for the held-out rows at {@code positions}, batch by batch. */
  private float[][] score(
      EvaluatedModel model, List<Integer> positions, int[] inputColumns, double[] imputation) {
    int width = model.outputLabels().size();
    float[][] outputs = new float[positions.size()][];
    for (int from = 0; from < positions.size(); from += ROWS_PER_BATCH) {
      int to = Math.min(positions.size(), from + ROWS_PER_BATCH);
      float[][] inputs = new float[to - from][];
      for (int i = from; i < to; i++) {
        double[] values = rows.features().get(positions.get(i));
        float[] input = new float[inputColumns.length];
        for (int c = 0; c < input.length; c++) {
          double value = values[inputColumns[c]];
          input[c] = (float) (Double.isNaN(value) ? imputation[c] : value);
        }
        inputs[i - from] = input;
      }
      float[][] batch = model.scorer().score(inputs);
      if (batch == null || batch.length != inputs.length) {
        throw new IllegalStateException(
            "model '"
                + model.name()
                + "' answered "
                + (batch == null ? "nothing" : batch.length + " rows")
                + " for "
                + inputs.length
                + " rows");
      }
      for (int i = 0; i < batch.length; i++) {
        if (batch[i] == null || batch[i].length != width) {
          throw new IllegalStateException(
              "model '"
                  + model.name()
                  + "' answered "
                  + (batch[i] == null ? "nothing" : batch[i].length + " values")
                  + " for a row; its outputs are "
                  + model.outputLabels());
        }
        outputs[from + i] = batch[i];
      }
    }
    return outputs;
  }

  private void requireSameTask(EvaluatedModel model) {
    if (model.kind() != kind) {
      throw new IllegalArgumentException(
          "model '"
              + model.name()
              + "' is a "
              + describe(model.kind())
              + "; these held-out rows are for a "
              + describe(kind)
              + " of '"
              + label
              + "'");
    }
    if (kind == TaskKind.REGRESSION && !model.outputLabels().getFirst().equals(label)) {
      throw new IllegalArgumentException(
          "regressor '"
              + model.name()
              + "' predicts '"
              + model.outputLabels().getFirst()
              + "'; these held-out rows are for '"
              + label
              + "'");
    }
  }

  /** Where each of the model's features sits in a held-out row's values. */
  private int[] inputColumns(EvaluatedModel model) {
    List<String> missing = new ArrayList<>();
    int[] inputColumns = new int[model.featureOrder().size()];
    for (int c = 0; c < inputColumns.length; c++) {
      String feature = model.featureOrder().get(c);
      Integer column = rows.featureColumns().get(feature);
      if (column == null) {
        missing.add(feature);
      } else {
        inputColumns[c] = column;
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "model '"
              + model.name()
              + "' needs "
              + (missing.size() == 1 ? "feature " : "features ")
              + String.join(", ", missing.stream().map(this::describeMissing).toList())
              + "; the training set's numeric feature columns are "
              + String.join(", ", rows.featureColumns().keySet()));
    }
    return inputColumns;
  }

  /** A feature the training set lacks, and what it has by that name if anything. */
  private String describeMissing(String feature) {
    return rows.columns().stream()
        .filter(column -> column.name().equals(feature))
        .findFirst()
        .map(
            column ->
                "'"
                    + feature
                    + "' (a "
                    + column.type()
                    + " "
                    + column.role()
                    + " column here, not a numeric feature)")
        .orElse("'" + feature + "' (not in this training set)");
  }

  private static String describe(TaskKind kind) {
    return kind == TaskKind.CLASSIFICATION ? "classifier" : "regressor";
  }
}
