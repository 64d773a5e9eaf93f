package org.mlplatform.portal.serving.batch;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.mlplatform.domain.models.Dimension;
import org.mlplatform.domain.models.ElementType;
import org.mlplatform.domain.models.ModelLineage;
import org.mlplatform.domain.models.ModelSignature;
import org.mlplatform.domain.models.ModelSource;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.ModelVersionId;
import org.mlplatform.domain.models.StoredArtifact;
import org.mlplatform.domain.models.TensorSpec;

/** Model versions as the registry would hold them, for tests that need no registry. */
final class TestVersions {

  static final String TRAINING_SET = "8f14e45f-ceea-467a-9d6a-1f3c2b8e0a11";

  private TestVersions() {}

  /** A version trained here: input {@code input} of [-1, features], output [-1, outputs]. */
  static ModelVersion trained(
      String algorithm,
      ElementType inputType,
      List<String> features,
      List<String> labels,
      Map<String, String> hyperparameters) {
    ModelSignature signature =
        new ModelSignature(
            List.of(
                TensorSpec.tensor(
                    "input",
                    inputType,
                    List.of(Dimension.dynamic("batch"), Dimension.fixed(features.size())))),
            List.of(
                TensorSpec.tensor(
                    "output",
                    ElementType.FP32,
                    List.of(Dimension.dynamic("batch"), Dimension.fixed(labels.size())))),
            13,
            "tribuo",
            "4.3.2");
    ModelLineage lineage =
        ModelLineage.builder(ModelSource.TRAINED)
            .trainingSet(TRAINING_SET)
            .features(features)
            .labels(labels)
            .algorithm(algorithm)
            .build();
    return new ModelVersion(
        ModelVersionId.of("fraud", 3),
        new StoredArtifact("a".repeat(64), 100),
        ModelVersion.ONNX,
        signature,
        "test",
        Map.of(),
        hyperparameters,
        lineage,
        "alice",
        Instant.parse("2026-04-01T00:00:00Z"));
  }

  /** A logistic regression on two features, with an imputation value for the first only. */
  static ModelVersion classifier() {
    return trained(
        "logistic-regression",
        ElementType.FP32,
        List.of("txn__amount", "txn__count"),
        List.of("fraud", "ok"),
        Map.of("imputation.txn__amount", "12.5", "label", "label"));
  }
}
