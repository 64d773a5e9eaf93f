package org.mlplatform.portal.serving.batch;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.models.ElementType;
import org.mlplatform.domain.models.FeatureMapping;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.ModelVersionId;
import org.mlplatform.domain.models.TensorSpec;
import org.mlplatform.domain.models.ValueKind;
import org.mlplatform.portal.models.ModelTraining;
import org.mlplatform.workflows.training.TrainingAlgorithm;

/**
 * What a batch run needs to know about the pinned version: the one input it feeds (FP32 or FP64,
 * one row per CSV row), the features in input order, the value to impute for each (NaN where the
 * version stores none), and the class labels, when it is a classifier.
 *
 * @param features the version's feature names, as its feature mapping lists them
 * @param imputation per feature, the training mean to use when a value is missing; NaN for none
 * @param labels output columns: class labels for a classifier, value names for a regressor
 */
public record BatchModel(
    ModelVersionId id,
    String input,
    ElementType inputType,
    List<String> features,
    double[] imputation,
    List<String> labels,
    boolean classifier) {

  public BatchModel {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(input, "input");
    features = List.copyOf(features);
    imputation = imputation.clone();
    labels = List.copyOf(labels);
    if (imputation.length != features.size()) {
      throw new IllegalArgumentException("one imputation value (or NaN) per feature");
    }
  }

  /**
   * The run's view of {@code version}.
   *
   * @throws DomainValidationException naming {@code model} when the version cannot be fed from CSV
   *     columns: no feature mapping, more than one input, or an input that takes neither FP32 nor
   *     FP64 rows
   */
  public static BatchModel of(ModelVersion version) {
    FeatureMapping mapping = version.lineage().featureMapping();
    if (mapping.isEmpty()) {
      throw new DomainValidationException(
          "model",
          "version "
              + version.id()
              + " has no feature mapping, so its input cannot be built from CSV columns;"
              + " register the version with its features");
    }
    if (version.signature().inputs().size() != 1) {
      throw new DomainValidationException(
          "model",
          "version "
              + version.id()
              + " has "
              + version.signature().inputs().size()
              + " inputs; batch predictions feed models with one input");
    }
    TensorSpec input =
        version
            .signature()
            .input(mapping.input())
            .orElseThrow(
                () ->
                    new DomainValidationException(
                        "model", "version " + version.id() + " has no input " + mapping.input()));
    if (input.kind() != ValueKind.TENSOR
        || input.shape().size() != 2
        || (input.elementType() != ElementType.FP32 && input.elementType() != ElementType.FP64)) {
      throw new DomainValidationException(
          "model",
          "input "
              + input.name()
              + " of version "
              + version.id()
              + " is "
              + input.elementType()
              + " "
              + input.sizes()
              + "; batch predictions feed FP32 or FP64 inputs of shape [rows, features]");
    }
    List<String> features = mapping.features();
    double[] imputation = new double[features.size()];
    for (int f = 0; f < imputation.length; f++) {
      imputation[f] =
          parse(version.hyperparameters().get(ModelTraining.IMPUTATION_PREFIX + features.get(f)));
    }
    List<String> labels = version.lineage().labelNames();
    boolean classifier =
        !labels.isEmpty() && version.lineage().algorithm().map(BatchModel::classifies).orElse(true);
    return new BatchModel(
        version.id(), input.name(), input.elementType(), features, imputation, labels, classifier);
  }

  /** Whether the version stores a value to use for feature {@code f} when it is missing. */
  boolean imputes(int f) {
    return !Double.isNaN(imputation[f]);
  }

  double imputation(int f) {
    return imputation[f];
  }

  /** A copy: the record stays immutable. */
  @Override
  public double[] imputation() {
    return imputation.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BatchModel that
        && id.equals(that.id)
        && input.equals(that.input)
        && inputType == that.inputType
        && features.equals(that.features)
        && Arrays.equals(imputation, that.imputation)
        && labels.equals(that.labels)
        && classifier == that.classifier;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, input, inputType, features, Arrays.hashCode(imputation), labels);
  }

  /** Versions trained here name their algorithm; a regressor's one "label" is the value's name. */
  private static boolean classifies(String algorithm) {
    return Arrays.stream(TrainingAlgorithm.values())
        .filter(a -> a.id().equals(algorithm))
        .findFirst()
        .map(TrainingAlgorithm::classifies)
        .orElse(true);
  }

  private static double parse(String stored) {
    if (stored == null) {
      return Double.NaN;
    }
    try {
      double value = Double.parseDouble(stored);
      return Double.isFinite(value) ? value : Double.NaN;
    } catch (NumberFormatException e) {
      return Double.NaN; // an unreadable value imputes nothing; the row then fails, naming it
    }
  }
}
