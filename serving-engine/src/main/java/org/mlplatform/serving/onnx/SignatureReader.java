package org.mlplatform.serving.onnx;

import ai.onnxruntime.MapInfo;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.TensorInfo.OnnxTensorType;
import ai.onnxruntime.ValueInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlplatform.domain.models.Dimension;
import org.mlplatform.domain.models.ElementType;
import org.mlplatform.domain.models.TensorSpec;
import org.mlplatform.domain.models.ValueKind;
import org.mlplatform.serving.OrtElementTypes;
import org.mlplatform.serving.onnx.InvalidModelException.Reason;

/** Turns ONNX Runtime's description of a session's inputs or outputs into the domain's terms. */
final class SignatureReader {

  private SignatureReader() {}

  /**
   * @param role "input" or "output", for messages
   * @param nodes in the model's order (ONNX Runtime returns an insertion-ordered map)
   */
  static List<TensorSpec> read(String role, Map<String, NodeInfo> nodes)
      throws InvalidModelException {
    List<TensorSpec> specs = new ArrayList<>(nodes.size());
    for (NodeInfo node : nodes.values()) {
      specs.add(spec(role, node.getName(), node.getInfo()));
    }
    return specs;
  }

  private static TensorSpec spec(String role, String name, ValueInfo info)
      throws InvalidModelException {
    return switch (info) {
      case TensorInfo tensor ->
          TensorSpec.tensor(name, tensorElementType(role, name, tensor.onnxType), shape(tensor));
      case SequenceInfo sequence ->
          new TensorSpec(
              name,
              ValueKind.SEQUENCE,
              sequence.isSequenceOfMaps()
                  ? elementType(sequence.mapInfo.valueType)
                  : elementType(sequence.sequenceType),
              List.of(),
              sequence.isSequenceOfMaps()
                  ? "sequence(" + describe(sequence.mapInfo) + ")"
                  : "sequence(tensor(" + onnxName(sequence.sequenceType) + "))");
      case MapInfo map ->
          new TensorSpec(name, ValueKind.MAP, elementType(map.valueType), List.of(), describe(map));
      default ->
          throw new InvalidModelException(
              Reason.UNSUPPORTED_TYPE,
              role + " '" + name + "' is a " + info + ", which the platform cannot serve");
    };
  }

  /** ONNX Runtime reports a dynamic axis as -1 and keeps its symbolic name, if any, beside it. */
  private static List<Dimension> shape(TensorInfo tensor) {
    long[] sizes = tensor.getShape();
    String[] names = tensor.getDimensionNames();
    List<Dimension> shape = new ArrayList<>(sizes.length);
    for (int i = 0; i < sizes.length; i++) {
      if (sizes[i] < 0) {
        shape.add(Dimension.dynamic(names != null && i < names.length ? names[i] : ""));
      } else {
        shape.add(Dimension.fixed(sizes[i]));
      }
    }
    return shape;
  }

  private static ElementType tensorElementType(String role, String name, OnnxTensorType type)
      throws InvalidModelException {
    // Complex numbers and 8-bit floats have no Open Inference Protocol data type.
    return OrtElementTypes.of(type)
        .orElseThrow(
            () ->
                new InvalidModelException(
                    Reason.UNSUPPORTED_TYPE,
                    role
                        + " '"
                        + name
                        + "' has element type "
                        + OrtElementTypes.describe(type)
                        + ", which the platform cannot serve"));
  }

  /** The element type of a sequence or map's values; null when ONNX Runtime does not say. */
  private static ElementType elementType(OnnxJavaType type) {
    return switch (type) {
      case FLOAT -> ElementType.FP32;
      case DOUBLE -> ElementType.FP64;
      case INT8 -> ElementType.INT8;
      case INT16 -> ElementType.INT16;
      case INT32 -> ElementType.INT32;
      case INT64 -> ElementType.INT64;
      case BOOL -> ElementType.BOOL;
      case STRING -> ElementType.BYTES;
      case UINT8 -> ElementType.UINT8;
      case FLOAT16 -> ElementType.FP16;
      case BFLOAT16 -> ElementType.BF16;
      case UNKNOWN -> null;
    };
  }

  /** ONNX's own notation, as in {@code map(int64,tensor(float))}. */
  private static String describe(MapInfo map) {
    return "map(" + onnxName(map.keyType) + ",tensor(" + onnxName(map.valueType) + "))";
  }

  private static String onnxName(OnnxJavaType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }
}
