package org.mlplatform.portal.serving.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.models.Dimension;
import org.mlplatform.domain.models.ElementType;
import org.mlplatform.domain.models.ModelLineage;
import org.mlplatform.domain.models.ModelSignature;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.ModelVersionId;
import org.mlplatform.domain.models.StoredArtifact;
import org.mlplatform.domain.models.TensorSpec;

class BatchModelTest {

  @Test
  void aTrainedClassifierKnowsItsFeaturesImputationAndLabels() {
    BatchModel model = BatchModel.of(TestVersions.classifier());

    assertThat(model.id()).isEqualTo(ModelVersionId.of("fraud", 3));
    assertThat(model.input()).isEqualTo("input");
    assertThat(model.inputType()).isEqualTo(ElementType.FP32);
    assertThat(model.features()).containsExactly("txn__amount", "txn__count");
    assertThat(model.imputes(0)).isTrue();
    assertThat(model.imputation(0)).isEqualTo(12.5);
    assertThat(model.imputes(1)).isFalse();
    assertThat(model.classifier()).isTrue();
    assertThat(model.labels()).containsExactly("fraud", "ok");
  }

  @Test
  void aRegressorTrainedHereIsNotAClassifierDespiteItsOneLabel() {
    BatchModel model =
        BatchModel.of(
            TestVersions.trained(
                "linear-regression",
                ElementType.FP64,
                List.of("txn__amount"),
                List.of("spend"),
                Map.of("imputation.txn__amount", "not a number")));

    assertThat(model.classifier()).isFalse();
    assertThat(model.inputType()).isEqualTo(ElementType.FP64);
    assertThat(model.imputes(0)).isFalse();
  }

  @Test
  void aVersionWithoutFeatureMappingOrWithAnUnsuitableInputIsRefused() {
    ModelVersion unmapped = withInput(ModelLineage.unknown(), ElementType.FP32, 2);
    assertThatThrownBy(() -> BatchModel.of(unmapped))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("model"))
        .hasMessageContaining("no feature mapping");

    ModelVersion integers =
        TestVersions.trained(
            "logistic-regression", ElementType.INT64, List.of("a__b"), List.of("x", "y"), Map.of());
    assertThatThrownBy(() -> BatchModel.of(integers)).hasMessageContaining("FP32 or FP64");

    ModelVersion flat =
        withInput(
            ModelLineage.builder(org.mlplatform.domain.models.ModelSource.UPLOADED)
                .features(List.of("a__b"))
                .build(),
            ElementType.FP32,
            1);
    assertThatThrownBy(() -> BatchModel.of(flat)).hasMessageContaining("[rows, features]");
  }

  /** A version whose input has {@code rank} axes of which the last is 1 wide. */
  private static ModelVersion withInput(ModelLineage lineage, ElementType type, int rank) {
    List<Dimension> shape =
        rank == 2
            ? List.of(Dimension.dynamic("n"), Dimension.fixed(1))
            : List.of(Dimension.fixed(1));
    return new ModelVersion(
        ModelVersionId.of("fraud", 1),
        new StoredArtifact("b".repeat(64), 10),
        ModelVersion.ONNX,
        new ModelSignature(
            List.of(TensorSpec.tensor("input", type, shape)),
            List.of(TensorSpec.tensor("output", ElementType.FP32, shape)),
            13,
            null,
            null),
        null,
        Map.of(),
        Map.of(),
        lineage,
        "alice",
        Instant.EPOCH);
  }
}
