package org.mlplatform.domain.models;

import java.util.List;
import java.util.Objects;

/**
 * One named input or output of a model as the model file declares it.
 *
 * @param elementType the tensor's element type; for other kinds the element type of the innermost
 *     tensor, or null when the model does not say
 * @param shape the tensor's axes; empty for a scalar and for kinds other than {@link
 *     ValueKind#TENSOR}
 * @param detail ONNX Runtime's description of a structured value ({@code
 *     sequence(map(int64,tensor(float)))}); empty for a tensor
 */
public record TensorSpec(
    String name, ValueKind kind, ElementType elementType, List<Dimension> shape, String detail) {

  public TensorSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    shape = List.copyOf(shape);
    detail = detail == null ? "" : detail;
    if (kind == ValueKind.TENSOR && elementType == null) {
      throw new IllegalArgumentException("tensor " + name + " needs an element type");
    }
  }

  public static TensorSpec tensor(String name, ElementType elementType, List<Dimension> shape) {
    return new TensorSpec(name, ValueKind.TENSOR, elementType, shape, "");
  }

  /** The shape as numbers, {@link Dimension#DYNAMIC} for dynamic axes ({@code [-1, 8]}). */
  public List<Long> sizes() {
    return shape.stream().map(Dimension::size).toList();
  }

  /** Whether a tensor of this shape fits, dynamic axes taking any length. */
  public boolean accepts(long[] actualShape) {
    if (actualShape.length != shape.size()) {
      return false;
    }
    for (int i = 0; i < actualShape.length; i++) {
      if (!shape.get(i).accepts(actualShape[i])) {
        return false;
      }
    }
    return true;
  }
}
