package org.mlplatform.workflows.retraining;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mlplatform.workflows.training.TrainedModel;
import org.mlplatform.workflows.training.TrainingAlgorithm;

/**
 * A model to score on held-out rows, with everything needed to feed it: what {@code TrainedModel}
 * and a registered version record about their ONNX graph.
 *
 * @param name how messages refer to the model, for example {@code champion v3}
 * @param featureOrder the training-set feature columns in the order of the input's columns
 * @param outputLabels the output's columns: class labels for a classifier, the label column for a
 *     regressor
 * @param positiveLabel the class that {@code precision}, {@code recall}, {@code f1} and {@code auc}
 *     are about; null for a regressor or a multi-class model without one
 * @param imputation the value to feed for each feature (by column name) when it is missing
 * @param scorer runs the model
 */
public record EvaluatedModel(
    String name,
    TaskKind kind,
    List<String> featureOrder,
    List<String> outputLabels,
    String positiveLabel,
    Map<String, Double> imputation,
    Scorer scorer) {

  /**
   * @throws IllegalArgumentException when the description cannot feed or read the model: no
   *     features or outputs, a name twice, a feature without a finite imputation value, a regressor
   *     with other than one output, a positive label that is not an output label
   */
  public EvaluatedModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(scorer, "scorer");
    featureOrder = List.copyOf(featureOrder);
    outputLabels = List.copyOf(outputLabels);
    // Insertion order follows the feature order, as in TrainedModel; no Map.copyOf.
    imputation = Collections.unmodifiableMap(new LinkedHashMap<>(imputation));
    requireDistinct(name, "feature", featureOrder);
    requireDistinct(name, "output label", outputLabels);
    for (String feature : featureOrder) {
      Double value = imputation.get(feature);
      if (value == null || !Double.isFinite(value)) {
        throw new IllegalArgumentException(
            "model '"
                + name
                + "' has no usable imputation value for feature '"
                + feature
                + "' (found "
                + value
                + ")");
      }
    }
    if (kind == TaskKind.REGRESSION && outputLabels.size() != 1) {
      throw new IllegalArgumentException(
          "regressor '" + name + "' must have one output, has " + outputLabels);
    }
    if (kind == TaskKind.REGRESSION && positiveLabel != null) {
      throw new IllegalArgumentException(
          "regressor '" + name + "' cannot have a positive label ('" + positiveLabel + "')");
    }
    if (positiveLabel != null && !outputLabels.contains(positiveLabel)) {
      throw new IllegalArgumentException(
          "model '"
              + name
              + "': positive label '"
              + positiveLabel
              + "' is not one of its labels "
              + outputLabels);
    }
  }

  /** A model as the trainer describes it, run by {@code scorer}. */
  public static EvaluatedModel of(String name, TrainedModel trained, Scorer scorer) {
    return new EvaluatedModel(
        name,
        TaskKind.of(TrainingAlgorithm.parse(trained.algorithm())),
        trained.featureOrder(),
        trained.labels(),
        trained.positiveLabel(),
        trained.imputation(),
        scorer);
  }

  private static void requireDistinct(String name, String what, List<String> names) {
    if (names.isEmpty()) {
      throw new IllegalArgumentException("model '" + name + "' has no " + what + "s");
    }
    if (new HashSet<>(names).size() != names.size()) {
      throw new IllegalArgumentException(
          "model '" + name + "' lists a " + what + " more than once: " + names);
    }
  }
}
