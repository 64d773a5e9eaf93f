package org.mlplatform.serving.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.models.ElementType;

class TensorDataTest {

  @Test
  void copiesWhatItIsGivenSoThatItStaysImmutable() {
    float[] values = {1, 2, 3};
    TensorData data = TensorData.ofFloats(values);

    values[0] = 99;
    data.toFloatArray()[1] = 99;

    assertThat(data.toFloatArray()).containsExactly(1, 2, 3);
  }

  @Test
  void givesEveryTypeANumericAndABoxedView() {
    assertThat(TensorData.ofDoubles(new double[] {0.5}).number(0)).isEqualTo(0.5);
    assertThat(TensorData.ofInts(ElementType.UINT8, new int[] {255}).element(0)).isEqualTo(255);
    assertThat(TensorData.ofLongs(ElementType.INT64, new long[] {-7}).element(0)).isEqualTo(-7L);
    assertThat(TensorData.ofBooleans(new boolean[] {true, false}).number(0)).isEqualTo(1);
    assertThat(TensorData.ofStrings(new String[] {"a"}).element(0)).isEqualTo("a");
    assertThatThrownBy(() -> TensorData.ofStrings(new String[] {"a"}).number(0))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void readsUint64RawBitsAsUnsignedValues() {
    TensorData data = TensorData.ofLongs(ElementType.UINT64, new long[] {-1, 5});

    assertThat(data.element(0)).isEqualTo(new BigInteger("18446744073709551615"));
    assertThat(data.element(1)).isEqualTo(5L);
    assertThat(data.number(0)).isEqualTo(1.8446744073709552E19);
  }

  @Test
  void roundsSixteenBitFloatsToTheirType() {
    float[] values = TensorData.ofFloats(ElementType.FP16, new float[] {0.1f}).toFloatArray();
    float[] brain = TensorData.ofFloats(ElementType.BF16, new float[] {0.1f}).toFloatArray();

    assertThat(values[0]).isEqualTo(0.099975586f);
    // 0.1f is 0x3DCCCCCD; its lower half rounds the upper one up to 0x3DCD.
    assertThat(brain[0]).isEqualTo(0.10009765625f);
  }

  @Test
  void refusesValuesOutsideTheTypeAndTheWrongStorage() {
    assertThatThrownBy(() -> TensorData.ofInts(ElementType.UINT8, new int[] {256}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("256 is out of range for UINT8");
    assertThatThrownBy(() -> TensorData.ofLongs(ElementType.UINT32, new long[] {-1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TensorData.ofInts(ElementType.INT64, new int[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("INT64 elements are held as long[]");
  }

  @Test
  void concatenatesAndSlicesByElement() {
    TensorData joined =
        TensorData.concat(
            List.of(
                TensorData.ofFloats(new float[] {1, 2}),
                TensorData.ofFloats(new float[] {3}),
                TensorData.ofFloats(new float[] {4, 5, 6})));

    assertThat(joined.length()).isEqualTo(6);
    assertThat(joined.toFloatArray()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(joined.slice(2, 5).toFloatArray()).containsExactly(3, 4, 5);
    assertThat(joined.slice(2, 5).slice(1, 2).number(0)).isEqualTo(4);
    assertThat(TensorData.concat(List.of(joined.slice(0, 1), joined.slice(5, 6))).toFloatArray())
        .containsExactly(1, 6);
    assertThatThrownBy(() -> joined.slice(4, 7)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void refusesToConcatenateDifferentTypes() {
    assertThatThrownBy(
            () ->
                TensorData.concat(
                    List.of(
                        TensorData.ofFloats(new float[] {1}),
                        TensorData.ofDoubles(new double[] {1}))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FP64")
        .hasMessageContaining("FP32");
    assertThatThrownBy(() -> TensorData.concat(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void isEqualByContentSoThatItCanKeyACache() {
    TensorData whole = TensorData.ofFloats(new float[] {9, 1, 2, Float.NaN});
    TensorData same = TensorData.ofFloats(new float[] {1, 2, Float.NaN});

    assertThat(whole.slice(1, 4)).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(same).isNotEqualTo(TensorData.ofFloats(new float[] {1, 2, 3}));
    assertThat(TensorData.ofFloats(new float[] {0f}))
        .isNotEqualTo(TensorData.ofFloats(new float[] {-0f}));
    assertThat(TensorData.ofInts(ElementType.INT32, new int[] {1}))
        .isNotEqualTo(TensorData.ofInts(ElementType.INT16, new int[] {1}));
    assertThat(TensorData.ofStrings(new String[] {"a", "b"}))
        .isEqualTo(TensorData.ofStrings(new String[] {"x", "a", "b"}).slice(1, 3));
  }

  @Test
  void showsItsFirstElements() {
    TensorData data = TensorData.ofInts(ElementType.INT32, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9});

    assertThat(data).hasToString("INT32[9]{1, 2, 3, 4, 5, 6, 7, 8, ...}");
  }
}
