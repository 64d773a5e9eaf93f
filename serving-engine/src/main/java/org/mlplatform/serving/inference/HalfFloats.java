package org.mlplatform.serving.inference;

import org.mlplatform.domain.models.ElementType;

/**
 * The two 16-bit float formats, kept in memory as the {@code float} each value widens to exactly:
 * arithmetic and JSON stay in {@code float}, and only ONNX Runtime sees the 16-bit encodings.
 */
final class HalfFloats {

  private HalfFloats() {}

  /** IEEE half precision, rounded to nearest even. */
  static short toFp16(float value) {
    return Float.floatToFloat16(value);
  }

  static float fromFp16(short bits) {
    return Float.float16ToFloat(bits);
  }

  /** bfloat16 is the upper half of a float; rounding to nearest even as PyTorch and ONNX do. */
  static short toBf16(float value) {
    int bits = Float.floatToRawIntBits(value);
    if (Float.isNaN(value)) {
      // Keep it a quiet NaN: plain truncation could clear every mantissa bit and make infinity.
      return (short) ((bits >>> 16) | 0x0040);
    }
    int roundingBias = 0x7FFF + ((bits >>> 16) & 1);
    return (short) ((bits + roundingBias) >>> 16);
  }

  static float fromBf16(short bits) {
    return Float.intBitsToFloat((bits & 0xFFFF) << 16);
  }

  /** The value the given 16-bit type stores for {@code value}: FP32 values pass unchanged. */
  static float round(ElementType type, float value) {
    return switch (type) {
      case FP16 -> fromFp16(toFp16(value));
      case BF16 -> fromBf16(toBf16(value));
      default -> value;
    };
  }
}
