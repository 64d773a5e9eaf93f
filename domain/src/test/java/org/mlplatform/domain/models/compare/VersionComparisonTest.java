package org.mlplatform.domain.models.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.models.Dimension;
import org.mlplatform.domain.models.ElementType;
import org.mlplatform.domain.models.ModelFixtures;
import org.mlplatform.domain.models.ModelLineage;
import org.mlplatform.domain.models.ModelSignature;
import org.mlplatform.domain.models.ModelSource;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.ModelVersionId;
import org.mlplatform.domain.models.TensorSpec;
import org.mlplatform.domain.models.ValueKind;
import org.mlplatform.domain.models.VersionRegistration;
import org.mlplatform.domain.models.compare.LineageChange.Kind;

class VersionComparisonTest {

  private static ModelVersion version(
      int number,
      ModelSignature signature,
      Map<String, Double> metrics,
      Map<String, String> hyperparameters,
      ModelLineage lineage) {
    return new VersionRegistration(
            ModelFixtures.artifact('a'),
            "onnx",
            signature,
            "",
            metrics,
            hyperparameters,
            lineage,
            "alice")
        .asVersion(ModelVersionId.of("fraud", number), Instant.EPOCH);
  }

  private static TensorSpec floats(String name, long... sizes) {
    List<Dimension> shape =
        java.util.Arrays.stream(sizes)
            .mapToObj(s -> s < 0 ? Dimension.dynamic("batch") : Dimension.fixed(s))
            .toList();
    return TensorSpec.tensor(name, ElementType.FP32, shape);
  }

  @Test
  void metricDeltasCoverMetricsOfEitherVersion() {
    ModelVersion base =
        version(
            1,
            ModelFixtures.signature(2),
            Map.of("auc", 0.8, "log_loss", 0.5),
            Map.of(),
            ModelLineage.unknown());
    ModelVersion candidate =
        version(
            2,
            ModelFixtures.signature(2),
            Map.of("auc", 0.85, "recall", 0.7),
            Map.of(),
            ModelLineage.unknown());

    VersionComparison comparison = VersionComparison.between(base, candidate);

    assertThat(comparison.base()).isEqualTo(ModelVersionId.of("fraud", 1));
    assertThat(comparison.metrics())
        .extracting(MetricDelta::name)
        .containsExactly("auc", "log_loss", "recall");
    assertThat(comparison.metrics().get(0).delta().getAsDouble())
        .isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(comparison.metrics().get(1).candidate()).isEqualTo(OptionalDouble.empty());
    assertThat(comparison.metrics().get(1).delta()).isEmpty();
    assertThat(comparison.metrics().get(2).base()).isEmpty();
    assertThat(comparison.signatureChanges()).isEmpty();
    assertThat(comparison.lineageChanges()).isEmpty();
    assertThat(comparison.callersFit()).isTrue();
  }

  @Test
  void signatureChangesNameInputsOutputsOpsetAndProducer() {
    ModelSignature before =
        new ModelSignature(
            List.of(floats("input", -1, 8), floats("mask", -1)),
            List.of(floats("output", -1, 2)),
            13,
            "org.tribuo",
            "4.3.2");
    ModelSignature after =
        new ModelSignature(
            List.of(floats("input", -1, 9), floats("extra", 1)),
            List.of(
                floats("output", -1, 2),
                new TensorSpec(
                    "probabilities", ValueKind.SEQUENCE, ElementType.FP32, List.of(), "seq")),
            17,
            "skl2onnx",
            "1.16");

    VersionComparison comparison =
        VersionComparison.between(
            version(1, before, Map.of(), Map.of(), ModelLineage.unknown()),
            version(2, after, Map.of(), Map.of(), ModelLineage.unknown()));

    assertThat(comparison.signatureChanges())
        .extracting(
            SignatureChange::kind,
            SignatureChange::name,
            SignatureChange::before,
            SignatureChange::after)
        .containsExactly(
            tuple(
                SignatureChange.Kind.INPUT_CHANGED,
                "input",
                "TENSOR FP32 [batch, 8]",
                "TENSOR FP32 [batch, 9]"),
            tuple(SignatureChange.Kind.INPUT_REMOVED, "mask", "TENSOR FP32 [batch]", ""),
            tuple(SignatureChange.Kind.INPUT_ADDED, "extra", "", "TENSOR FP32 [1]"),
            tuple(SignatureChange.Kind.OUTPUT_ADDED, "probabilities", "", "SEQUENCE FP32 seq"),
            tuple(SignatureChange.Kind.OPSET_CHANGED, "", "13", "17"),
            tuple(SignatureChange.Kind.PRODUCER_CHANGED, "", "org.tribuo 4.3.2", "skl2onnx 1.16"));
    assertThat(comparison.callersFit()).isFalse();
  }

  @Test
  void aNewOutputAloneKeepsCallersFitting() {
    ModelSignature wider =
        new ModelSignature(
            List.of(floats("input", -1, 2)),
            List.of(floats("output", -1, 2), floats("scores", -1)),
            13,
            "org.tribuo",
            "4.3.2");

    assertThat(
            VersionComparison.between(
                    version(
                        1, ModelFixtures.signature(2), Map.of(), Map.of(), ModelLineage.unknown()),
                    version(2, wider, Map.of(), Map.of(), ModelLineage.unknown()))
                .callersFit())
        .isTrue();
  }

  @Test
  void lineageChangesCoverDataFeaturesParentAlgorithmAndHyperparameters() {
    ModelLineage before =
        ModelLineage.builder(ModelSource.TRAINED)
            .trainingSet(ModelFixtures.TRAINING_SET)
            .featureService("fraud_features:1")
            .features(List.of("t:a", "t:b", "t:c"))
            .labels(List.of("no", "yes"))
            .algorithm("logistic-regression")
            .build();
    ModelLineage after =
        ModelLineage.builder(ModelSource.TRAINED)
            .trainingSet("11111111-2222-3333-4444-555555555555")
            .featureService("fraud_features:2")
            .features(List.of("t:b", "t:a", "t:d"))
            .labels(List.of("no", "yes"))
            .parent(1)
            .algorithm("factorization-machine")
            .build();

    VersionComparison comparison =
        VersionComparison.between(
            version(
                1,
                ModelFixtures.signature(3),
                Map.of(),
                Map.of("epochs", "5", "lr", "0.1"),
                before),
            version(
                2,
                ModelFixtures.signature(3),
                Map.of(),
                Map.of("epochs", "10", "seed", "7"),
                after));

    assertThat(comparison.lineageChanges())
        .extracting(
            LineageChange::kind,
            LineageChange::subject,
            LineageChange::before,
            LineageChange::after)
        .containsExactly(
            tuple(
                Kind.TRAINING_SET,
                "",
                ModelFixtures.TRAINING_SET,
                "11111111-2222-3333-4444-555555555555"),
            tuple(Kind.FEATURE_SERVICE, "", "fraud_features:1", "fraud_features:2"),
            tuple(Kind.FEATURE_REMOVED, "t:c", "t:c", ""),
            tuple(Kind.FEATURE_ADDED, "t:d", "", "t:d"),
            tuple(Kind.FEATURE_ORDER, "", "t:a, t:b", "t:b, t:a"),
            tuple(Kind.PARENT, "", "", "1"),
            tuple(Kind.ALGORITHM, "", "logistic-regression", "factorization-machine"),
            tuple(Kind.HYPERPARAMETER_CHANGED, "epochs", "5", "10"),
            tuple(Kind.HYPERPARAMETER_REMOVED, "lr", "0.1", ""),
            tuple(Kind.HYPERPARAMETER_ADDED, "seed", "", "7"));
  }
}
