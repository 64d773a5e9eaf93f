package org.mlplatform.workflows.training;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A trained model, ready to be registered as a version: the ONNX graph and everything needed to
 * feed it and to judge it.
 *
 * <p>The graph takes one FP32 input {@code input} of shape {@code [-1, featureOrder.size()]} and
 * gives one FP32 output {@code output} of shape {@code [-1, labels.size()]}: class probabilities
 * for a classifier, the predicted value for a regressor.
 *
 * @param algorithm the algorithm's id, for example {@code logistic-regression}
 * @param label the training-set column the model predicts
 * @param onnx the ONNX model bytes (Tribuo's provenance metadata removed: it names the training
 *     host and time, and would make the same run give different bytes)
 * @param featureOrder the training-set feature columns ({@code view__feature}) in the order of the
 *     input tensor's columns
 * @param labels the output tensor's columns: class labels for a classifier, the label column for a
 *     regressor
 * @param positiveLabel the class that {@code precision}, {@code recall}, {@code f1} and {@code auc}
 *     are about; null for a regressor or a multi-class model without one asked for
 * @param imputation the value serving must use for each feature (by column name) when it is
 *     missing: the feature's mean over the training rows
 * @param metrics held-out metrics by name (see {@link TribuoTrainer})
 * @param hyperparameters every setting the run used, defaults included; replaying them retrains the
 *     same model from the same training set
 * @param trainingTime the time Tribuo spent fitting, without reading, evaluation and export
 * @param referencePredictions a few held-out rows with Tribuo's predictions for them
 */
public record TrainedModel(
    String algorithm,
    String label,
    byte[] onnx,
    List<String> featureOrder,
    List<String> labels,
    String positiveLabel,
    Map<String, Double> imputation,
    Map<String, Double> metrics,
    Map<String, String> hyperparameters,
    RowCounts rows,
    Duration trainingTime,
    List<ReferencePrediction> referencePredictions) {

  public TrainedModel {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(trainingTime, "trainingTime");
    onnx = onnx.clone();
    featureOrder = List.copyOf(featureOrder);
    labels = List.copyOf(labels);
    // Insertion order is meaningful (feature order, metric order), so no Map.copyOf.
    imputation = Collections.unmodifiableMap(new LinkedHashMap<>(imputation));
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    hyperparameters = Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
    referencePredictions = List.copyOf(referencePredictions);
  }

  /** A copy of the ONNX bytes. */
  @Override
  public byte[] onnx() {
    return onnx.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TrainedModel that
        && algorithm.equals(that.algorithm)
        && label.equals(that.label)
        && Arrays.equals(onnx, that.onnx)
        && featureOrder.equals(that.featureOrder)
        && labels.equals(that.labels)
        && Objects.equals(positiveLabel, that.positiveLabel)
        && imputation.equals(that.imputation)
        && metrics.equals(that.metrics)
        && hyperparameters.equals(that.hyperparameters)
        && rows.equals(that.rows)
        && trainingTime.equals(that.trainingTime)
        && referencePredictions.equals(that.referencePredictions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(algorithm, label, Arrays.hashCode(onnx), featureOrder, labels, metrics);
  }

  @Override
  public String toString() {
    return "TrainedModel["
        + algorithm
        + " of "
        + label
        + ", "
        + onnx.length
        + " bytes, features="
        + featureOrder
        + ", labels="
        + labels
        + ", metrics="
        + metrics
        + ", rows="
        + rows
        + "]";
  }
}
