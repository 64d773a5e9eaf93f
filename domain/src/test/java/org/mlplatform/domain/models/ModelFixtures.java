package org.mlplatform.domain.models;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Versions as tests need them: a Tribuo-shaped signature and registrations around it. */
public final class ModelFixtures {

  public static final String TRAINING_SET = "0f8fad5b-d9cb-469f-a165-70867728950e";

  private ModelFixtures() {}

  /** Input {@code input} FP32 {@code [batch, features]}, output {@code output} FP32 [batch, 2]. */
  public static ModelSignature signature(int features) {
    return new ModelSignature(
        List.of(
            TensorSpec.tensor(
                "input",
                ElementType.FP32,
                List.of(Dimension.dynamic("batch"), Dimension.fixed(features)))),
        List.of(
            TensorSpec.tensor(
                "output",
                ElementType.FP32,
                List.of(Dimension.dynamic("batch"), Dimension.fixed(2)))),
        13,
        "org.tribuo",
        "4.3.2");
  }

  public static StoredArtifact artifact(char digit) {
    return new StoredArtifact(String.valueOf(digit).repeat(64), 1234);
  }

  /** An upload without lineage. */
  public static VersionRegistration uploaded(String description, Map<String, Double> metrics) {
    return new VersionRegistration(
        artifact('a'),
        ModelVersion.ONNX,
        signature(2),
        description,
        metrics,
        Map.of(),
        ModelLineage.unknown(),
        "alice");
  }

  /** A version trained by the platform on {@link #TRAINING_SET} with the given features. */
  public static VersionRegistration trained(
      List<String> features, Integer parent, Map<String, String> hyperparameters) {
    return new VersionRegistration(
        artifact('b'),
        ModelVersion.ONNX,
        signature(features.size()),
        "trained",
        Map.of("auc", 0.9),
        hyperparameters,
        ModelLineage.builder(ModelSource.TRAINED)
            .trainingSet(TRAINING_SET)
            .featureService("fraud_features:2")
            .features(features)
            .labels(List.of("legit", "fraud"))
            .parent(parent)
            .algorithm("logistic-regression")
            .build(),
        "alice");
  }

  public static List<String> features(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> "txn_stats:f" + i).toList();
  }
}
