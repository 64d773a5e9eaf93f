package org.mlplatform.serving.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.models.ElementType;

/** {@link InputTensor} and {@link OutputTensor}: validation, batching and slicing. */
class TensorsTest {

  @Test
  void refusesAShapeThatDoesNotHoldTheData() {
    TensorData five = TensorData.ofFloats(new float[5]);

    assertThatThrownBy(() -> new InputTensor("x", ElementType.FP32, new long[] {2, 3}, five))
        .isInstanceOfSatisfying(
            InferenceException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessageContaining("input 'x'")
        .hasMessageContaining("[2, 3]")
        .hasMessageContaining("6 elements")
        .hasMessageContaining("has 5");
    assertThatThrownBy(() -> new InputTensor("x", ElementType.FP32, new long[] {-1, 5}, five))
        .isInstanceOf(InferenceException.class)
        .hasMessageContaining("negative dimension");
  }

  @Test
  void isEqualByContentAndKeepsItsShapeToItself() {
    long[] shape = {1, 2};
    InputTensor input =
        new InputTensor("x", ElementType.FP32, shape, TensorData.ofFloats(new float[] {1, 2}));
    shape[0] = 7;
    input.shape()[1] = 7;

    assertThat(input.shape()).containsExactly(1, 2);
    assertThat(input)
        .isEqualTo(
            new InputTensor(
                "x", ElementType.FP32, new long[] {1, 2}, TensorData.ofFloats(new float[] {1, 2})))
        .hasSameHashCodeAs(
            new InputTensor(
                "x", ElementType.FP32, new long[] {1, 2}, TensorData.ofFloats(new float[] {1, 2})));
    assertThat(input.batchSize()).isEqualTo(1);
  }

  @Test
  void concatenatesRequestsAlongTheBatchAxis() {
    InputTensor one = floats("x", new long[] {1, 2}, 1, 2);
    InputTensor two = floats("x", new long[] {2, 2}, 3, 4, 5, 6);

    InputTensor batch = InputTensor.concatBatches(List.of(one, two));

    assertThat(batch.shape()).containsExactly(3, 2);
    assertThat(batch.batchSize()).isEqualTo(3);
    assertThat(batch.data().toFloatArray()).containsExactly(1, 2, 3, 4, 5, 6);
  }

  @Test
  void refusesToBatchInputsThatDifferBeyondTheFirstAxis() {
    InputTensor pair = floats("x", new long[] {1, 2}, 1, 2);
    InputTensor triple = floats("x", new long[] {1, 3}, 1, 2, 3);
    InputTensor other = floats("z", new long[] {1, 2}, 1, 2);

    assertThat(pair.batchesWith(triple)).isFalse();
    assertThatThrownBy(() -> InputTensor.concatBatches(List.of(pair, triple)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[1, 3]");
    assertThatThrownBy(() -> InputTensor.concatBatches(List.of(pair, other)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void slicesABatchedOutputBackIntoRows() {
    OutputTensor.Tensor output =
        new OutputTensor.Tensor(
            "y",
            ElementType.FP32,
            new long[] {3, 2},
            TensorData.ofFloats(new float[] {1, 2, 3, 4, 5, 6}));

    OutputTensor.Tensor middle = output.slice(1, 3);

    assertThat(middle.shape()).containsExactly(2, 2);
    assertThat(middle.data().toFloatArray()).containsExactly(3, 4, 5, 6);
    assertThat(output.row(2)).containsExactly(5, 6);
    assertThat(middle.row(0)).containsExactly(3, 4);
    assertThatThrownBy(() -> output.slice(2, 4)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void readsRowsOfAVector() {
    OutputTensor.Tensor labels =
        new OutputTensor.Tensor(
            "label",
            ElementType.INT64,
            new long[] {3},
            TensorData.ofLongs(ElementType.INT64, new long[] {7, 8, 9}));

    assertThat(labels.row(1)).containsExactly(8);
    assertThat(labels.slice(1, 2).data().element(0)).isEqualTo(8L);
  }

  @Test
  void slicesAStructuredOutputByItem() {
    OutputTensor.Structured maps =
        new OutputTensor.Structured(
            "probabilities", List.of(Map.of("0", 0.1f), Map.of("0", 0.2f), Map.of("0", 0.3f)));

    assertThat(maps.slice(1, 3).items()).containsExactly(Map.of("0", 0.2f), Map.of("0", 0.3f));
  }

  private static InputTensor floats(String name, long[] shape, float... values) {
    return new InputTensor(name, ElementType.FP32, shape, TensorData.ofFloats(values));
  }
}
