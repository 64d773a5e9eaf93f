package org.mlplatform.portal.ui.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.models.Dimension;
import org.mlplatform.domain.models.ElementType;
import org.mlplatform.domain.models.ModelSignature;
import org.mlplatform.domain.models.TensorSpec;
import org.mlplatform.serving.inference.InferenceRequest;
import org.mlplatform.serving.inference.OipRequestReader;
import org.mlplatform.serving.inference.ReadLimits;

class OipJsonTest {

  private static final ModelSignature SIGNATURE =
      new ModelSignature(
          List.of(
              TensorSpec.tensor(
                  "input", ElementType.FP32, List.of(Dimension.dynamic("N"), Dimension.fixed(3))),
              TensorSpec.tensor("flag", ElementType.BOOL, List.of(Dimension.fixed(1)))),
          List.of(
              TensorSpec.tensor(
                  "output", ElementType.FP32, List.of(Dimension.dynamic("N"), Dimension.fixed(2)))),
          13,
          "test",
          "1");

  @Test
  void theExampleIsARequestTheReaderAccepts() {
    String example = OipJson.example(SIGNATURE);

    InferenceRequest request =
        new OipRequestReader(ReadLimits.defaults())
            .read(new ByteArrayInputStream(example.getBytes(StandardCharsets.UTF_8)));

    assertThat(request.inputs()).hasSize(2);
    assertThat(request.inputs().get(0).name()).isEqualTo("input");
    assertThat(request.inputs().get(0).shape()).containsExactly(1L, 3L);
    assertThat(example).contains("\"data\": [0.0, 0.0, 0.0]").contains("\"data\": [false]");
  }

  @Test
  void answersAreIndentedWithFlatArraysOnOneLine() {
    String pretty =
        OipJson.pretty(
            "{\"model_name\":\"fraud\",\"outputs\":[{\"name\":\"output\",\"shape\":[1,2],"
                + "\"data\":[0.25,0.75]}]}");

    assertThat(pretty)
        .isEqualTo(
            """
            {
              "model_name": "fraud",
              "outputs": [
                {
                  "name": "output",
                  "shape": [1, 2],
                  "data": [0.25, 0.75]
                }
              ]
            }""");
  }
}
