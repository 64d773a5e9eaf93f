package org.mlplatform.serving;

import ai.onnxruntime.TensorInfo.OnnxTensorType;
import java.util.Locale;
import java.util.Optional;
import org.mlplatform.domain.models.ElementType;

/** ONNX Runtime's tensor element types as the Open Inference Protocol names them. */
public final class OrtElementTypes {

  private OrtElementTypes() {}

  /** Empty for types without an OIP name (complex numbers, 8-bit floats). */
  public static Optional<ElementType> of(OnnxTensorType type) {
    return Optional.ofNullable(
        switch (type) {
          case ONNX_TENSOR_ELEMENT_DATA_TYPE_BOOL -> ElementType.BOOL;
          case ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT8 -> ElementType.UINT8;
          case ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT16 -> ElementType.UINT16;
          case ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT32 -> ElementType.UINT32;
          case ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT64 -> ElementType.UINT64;
          case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT8 -> ElementType.INT8;
          case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT16 -> ElementType.INT16;
          case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT32 -> ElementType.INT32;
          case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64 -> ElementType.INT64;
          case ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT16 -> ElementType.FP16;
          case ONNX_TENSOR_ELEMENT_DATA_TYPE_BFLOAT16 -> ElementType.BF16;
          case ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT -> ElementType.FP32;
          case ONNX_TENSOR_ELEMENT_DATA_TYPE_DOUBLE -> ElementType.FP64;
          case ONNX_TENSOR_ELEMENT_DATA_TYPE_STRING -> ElementType.BYTES;
          default -> null;
        });
  }

  /** The type's short name for messages ({@code complex64}). */
  public static String describe(OnnxTensorType type) {
    return type.name().replace("ONNX_TENSOR_ELEMENT_DATA_TYPE_", "").toLowerCase(Locale.ROOT);
  }
}
