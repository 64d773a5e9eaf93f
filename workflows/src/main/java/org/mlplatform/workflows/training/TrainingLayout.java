package org.mlplatform.workflows.training;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.training.TrainingColumn;
import org.mlplatform.domain.features.training.TrainingColumn.Role;

/**
 * Which CSV columns a run reads: the feature columns (in file order) and the label column, checked
 * against the algorithm before any row is read.
 *
 * @param header the column names the CSV header must repeat, in order
 */
record TrainingLayout(
    List<String> header,
    int[] featureColumns,
    List<String> featureNames,
    int labelColumn,
    FeatureType labelType) {

  private static final Set<FeatureType> CLASS_LABEL_TYPES =
      EnumSet.of(FeatureType.INT32, FeatureType.INT64, FeatureType.STRING, FeatureType.BOOL);

  TrainingLayout {
    header = List.copyOf(header);
    featureColumns = featureColumns.clone();
    featureNames = List.copyOf(featureNames);
  }

  /**
   * The layout of a training set with {@code columns} for predicting {@code label} with {@code
   * algorithm}.
   *
   * @throws DomainValidationException naming {@code label} when the label column is missing or
   *     unsuitable, {@code features} for a feature column that is not numeric, {@code trainingSet}
   *     when there are no feature columns
   */
  static TrainingLayout of(
      List<TrainingColumn> columns, String label, TrainingAlgorithm algorithm) {
    if (label == null || label.isBlank()) {
      throw new DomainValidationException("label", "the label column is required");
    }
    List<String> header = columns.stream().map(TrainingColumn::name).toList();
    int labelColumn = header.indexOf(label);
    if (labelColumn < 0) {
      throw new DomainValidationException(
          "label",
          "the training set has no column '"
              + label
              + "'; columns that can be a label: "
              + columns.stream()
                  .filter(c -> c.role() == Role.PASSTHROUGH || c.role() == Role.JOIN_KEY)
                  .map(TrainingColumn::name)
                  .collect(Collectors.joining(", ")));
    }
    TrainingColumn labelSpec = columns.get(labelColumn);
    requireSuitableLabel(labelSpec, algorithm);

    List<Integer> featureColumns = new ArrayList<>();
    List<String> featureNames = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      TrainingColumn column = columns.get(i);
      if (column.role() != Role.FEATURE) {
        continue;
      }
      if (!column.type().isNumeric()) {
        throw new DomainValidationException(
            "features",
            "feature column '"
                + column.name()
                + "' is "
                + column.type()
                + "; the trainer takes numeric features only (INT32, INT64, FLOAT32, FLOAT64):"
                + " build the training set without it or derive a numeric feature");
      }
      featureColumns.add(i);
      featureNames.add(column.name());
    }
    if (featureColumns.isEmpty()) {
      throw new DomainValidationException(
          "trainingSet", "the training set has no feature columns to train on");
    }
    return new TrainingLayout(
        header,
        featureColumns.stream().mapToInt(Integer::intValue).toArray(),
        featureNames,
        labelColumn,
        labelSpec.type());
  }

  int featureCount() {
    return featureColumns.length;
  }

  int featureColumn(int feature) {
    return featureColumns[feature];
  }

  @Override
  public int[] featureColumns() {
    return featureColumns.clone();
  }

  private static void requireSuitableLabel(TrainingColumn label, TrainingAlgorithm algorithm) {
    if (label.role() == Role.FEATURE || label.role() == Role.EVENT_TIMESTAMP) {
      throw new DomainValidationException(
          "label",
          "'"
              + label.name()
              + "' is "
              + (label.role() == Role.FEATURE ? "a feature column" : "the event timestamp")
              + "; the label must be a column of the entity rows");
    }
    if (algorithm.classifies() && !CLASS_LABEL_TYPES.contains(label.type())) {
      throw new DomainValidationException(
          "label",
          "'"
              + label.name()
              + "' is "
              + label.type()
              + "; "
              + algorithm.id()
              + " needs a label of type INT32, INT64, STRING or BOOL"
              + (label.type().isNumeric() ? " (a numeric target needs a regression)" : ""));
    }
    if (!algorithm.classifies() && !label.type().isNumeric()) {
      throw new DomainValidationException(
          "label",
          "'"
              + label.name()
              + "' is "
              + label.type()
              + "; "
              + algorithm.id()
              + " needs a numeric label");
    }
  }
}
