package org.mlplatform.portal.promotion;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.portal.models.ModelTraining;
import org.mlplatform.workflows.retraining.EvaluatedModel;
import org.mlplatform.workflows.retraining.HeldOutSplitSettings;
import org.mlplatform.workflows.retraining.Scorer;
import org.mlplatform.workflows.retraining.TaskKind;
import org.mlplatform.workflows.training.TrainingAlgorithm;

/**
 * A registered version as the held-out evaluator feeds it: its features in input order, its labels
 * and imputation values, read from what training recorded in its hyperparameters. Retraining uses
 * it to score the champion, monitoring to get the version's held-out predictions.
 */
public final class EvaluatedVersions {

  /** The hyperparameter training records the label column under. */
  public static final String LABEL = "label";

  static final String POSITIVE_LABEL = "positiveLabel";

  private EvaluatedVersions() {}

  /** Whether the version was trained here on a label, so its held-out rows can be found. */
  public static Optional<TaskKind> taskKind(ModelVersion version) {
    if (version.hyperparameters().get(LABEL) == null) {
      return Optional.empty();
    }
    return version.lineage().algorithm().map(a -> TaskKind.of(TrainingAlgorithm.parse(a)));
  }

  /** The split the version's trainer used, so its held-out rows are the ones it was judged on. */
  public static HeldOutSplitSettings split(ModelVersion version) {
    return HeldOutSplitSettings.fromHyperparameters(version.hyperparameters());
  }

  /**
   * @param name how messages refer to the version, for example {@code champion v3}
   */
  public static EvaluatedModel of(String name, ModelVersion version, TaskKind kind, Scorer scorer) {
    List<String> features = version.lineage().featureMapping().features();
    Map<String, Double> imputation = new LinkedHashMap<>();
    for (String feature : features) {
      String stored = version.hyperparameters().get(ModelTraining.IMPUTATION_PREFIX + feature);
      imputation.put(feature, stored == null ? 0.0 : Double.parseDouble(stored));
    }
    List<String> labels =
        kind == TaskKind.REGRESSION
            ? List.of(version.hyperparameters().get(LABEL))
            : version.lineage().labelNames();
    String positive = kind == TaskKind.REGRESSION ? null : positiveLabel(version, labels);
    return new EvaluatedModel(name, kind, features, labels, positive, imputation, scorer);
  }

  /**
   * The class precision, recall, F1 and AUC are about: the one training named, else the second of
   * two labels in sorted order (the trainer's default); null for more than two without one.
   */
  public static String positiveLabel(ModelVersion version, List<String> labels) {
    String positive = version.hyperparameters().get(POSITIVE_LABEL);
    if (positive == null && labels.size() == 2) {
      positive = labels.stream().sorted().toList().get(1);
    }
    return positive;
  }

  /** Runs a session on FP32 rows; the first output is the scores. */
  public static Scorer scorer(OrtEnvironment environment, OrtSession session) {
    String input = session.getInputNames().iterator().next();
    return rows -> {
      try (OnnxTensor tensor = OnnxTensor.createTensor(environment, rows);
          OrtSession.Result result = session.run(Map.of(input, tensor))) {
        return (float[][]) result.get(0).getValue();
      } catch (OrtException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    };
  }
}
