package org.mlplatform.serving.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mlplatform.serving.inference.OipRequestReaderTest.input;
import static org.mlplatform.serving.inference.OipRequestReaderTest.inputObject;
import static org.mlplatform.serving.inference.TestModels.read;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.models.Dimension;
import org.mlplatform.domain.models.ElementType;
import org.mlplatform.domain.models.ModelSignature;
import org.mlplatform.domain.models.TensorSpec;
import org.mlplatform.domain.models.ValueKind;
import org.mlplatform.serving.onnx.OnnxModels;

class SignatureBindingTest {

  private static final ModelSignature LINEAR = TestModels.signature(OnnxModels.matMulAdd());

  @Test
  void acceptsARequestThatFitsTheSignature() {
    SignatureBinding.check(
        LINEAR, read(input("x", "FP32", "[3, 4]", "[" + "1, ".repeat(11) + "1]")));
  }

  @Test
  void namesAnUnknownInputAndListsTheValidOnes() {
    assertRejected(LINEAR, input("z", "FP32", "[1, 4]", "[1, 2, 3, 4]"))
        .hasMessage("unknown input 'z'; the model's inputs are [x]");
  }

  @Test
  void namesAMissingInput() {
    ModelSignature twoInputs =
        new ModelSignature(
            List.of(
                TensorSpec.tensor("a", ElementType.FP32, List.of(Dimension.fixed(1))),
                TensorSpec.tensor("b", ElementType.INT64, List.of(Dimension.fixed(1)))),
            LINEAR.outputs(),
            17,
            "",
            "");

    assertRejected(twoInputs, input("a", "FP32", "[1]", "[1]"))
        .hasMessageStartingWith("missing input 'b' INT64 [1]");
  }

  @Test
  void namesTheDatatypeTheInputExpects() {
    assertRejected(LINEAR, input("x", "FP64", "[1, 4]", "[1, 2, 3, 4]"))
        .hasMessage("input 'x' expects FP32, got FP64");
  }

  @Test
  void showsTheExpectedShapeWithDynamicAxesAsMinusOne() {
    assertRejected(LINEAR, input("x", "FP32", "[2, 2]", "[1, 2, 3, 4]"))
        .hasMessage("input 'x' expects shape [-1, 4] (-1: any length), got [2, 2]");
    assertRejected(LINEAR, input("x", "FP32", "[4]", "[1, 2, 3, 4]"))
        .hasMessageContaining("expects shape [-1, 4]");
  }

  @Test
  void namesAnUnknownRequestedOutputAndListsTheValidOnes() {
    String request =
        "{\"inputs\": ["
            + inputObject("x", "FP32", "[1, 4]", "[1, 2, 3, 4]")
            + "], \"outputs\": [{\"name\": \"probabilities\"}]}";

    assertRejected(LINEAR, request)
        .hasMessage("unknown output 'probabilities'; the model's outputs are [y]");
  }

  @Test
  void refusesInputsThatAreNotTensors() {
    ModelSignature mapInput =
        new ModelSignature(
            List.of(
                new TensorSpec(
                    "m", ValueKind.MAP, ElementType.FP32, List.of(), "map(int64,tensor(float))"),
                new TensorSpec("s", ValueKind.SEQUENCE, null, List.of(), "")),
            LINEAR.outputs(),
            17,
            "",
            "");

    assertRejected(mapInput, input("m", "FP32", "[1]", "[1]"))
        .hasMessage(
            "input 'm' is a map(int64,tensor(float)), which is not supported over the inference"
                + " protocol");
    assertRejected(mapInput, input("s", "FP32", "[1]", "[1]"))
        .hasMessageContaining("input 's' is a sequence, which is not supported");
  }

  @Test
  void refusesUnsignedInputsOnnxRuntimeCannotBeFedFromJava() {
    ModelSignature unsigned = TestModels.signature(OnnxModels.identity(OnnxModels.UINT32));

    assertRejected(unsigned, input("x", "UINT32", "[1, 3]", "[1, 2, 3]"))
        .hasMessageContaining("input 'x' is UINT32")
        .hasMessageContaining("not supported");
  }

  @Test
  void batchesModelsWhoseInputsAndTensorOutputsHaveADynamicFirstAxis() {
    ModelSignature fixed =
        new ModelSignature(
            List.of(TensorSpec.tensor("x", ElementType.FP32, List.of(Dimension.fixed(1)))),
            LINEAR.outputs(),
            17,
            "",
            "");
    ModelSignature scalarOutput =
        new ModelSignature(
            LINEAR.inputs(),
            List.of(TensorSpec.tensor("total", ElementType.FP32, List.of())),
            17,
            "",
            "");

    assertThat(SignatureBinding.batchable(LINEAR)).isTrue();
    // ZipMap's output is a sequence, split by item rather than by axis.
    assertThat(SignatureBinding.batchable(TestModels.signature(OnnxModels.zipMap()))).isTrue();
    assertThat(SignatureBinding.batchable(fixed)).isFalse();
    assertThat(SignatureBinding.batchable(scalarOutput)).isFalse();
  }

  private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable>
      assertRejected(ModelSignature signature, String json) {
    InferenceRequest request = read(json);
    return assertThatThrownBy(() -> SignatureBinding.check(signature, request))
        .isInstanceOfSatisfying(
            InferenceException.class, e -> assertThat(e.status()).isEqualTo(400));
  }
}
