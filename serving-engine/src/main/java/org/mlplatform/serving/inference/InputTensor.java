package org.mlplatform.serving.inference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.mlplatform.domain.models.ElementType;

/**
 * One named input as the caller sent it: its Open Inference Protocol datatype, its shape and its
 * elements in row-major order. Equal by content, so that it can serve as a cache key.
 *
 * @throws InferenceException the shape has a negative axis or does not hold exactly the data's
 *     elements
 */
public record InputTensor(String name, ElementType datatype, long[] shape, TensorData data) {

  public InputTensor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(datatype, "datatype");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(data, "data");
    if (data.type() != datatype) {
      throw new IllegalArgumentException(
          "input '" + name + "' is " + datatype + " but its data is " + data.type());
    }
    shape = shape.clone();
    for (long size : shape) {
      if (size < 0) {
        throw new InferenceException(
            "input '" + name + "' has a negative dimension in shape " + Shapes.describe(shape));
      }
    }
    long count = Shapes.elementCount(shape);
    if (count != data.length()) {
      throw new InferenceException(
          "input '"
              + name
              + "' has shape "
              + Shapes.describe(shape)
              + (count < 0 ? ", too many elements to hold," : " for " + count + " elements")
              + " but its data has "
              + data.length());
    }
  }

  /** A copy: the record stays immutable. */
  @Override
  public long[] shape() {
    return shape.clone();
  }

  /** Axis 0's length, or 1 for a scalar. */
  public long batchSize() {
    return shape.length == 0 ? 1 : shape[0];
  }

  /** Whether {@link #concatBatches} can join this input with {@code other}. */
  public boolean batchesWith(InputTensor other) {
    return name.equals(other.name)
        && datatype == other.datatype
        && shape.length > 0
        && shape.length == other.shape.length
        && Arrays.equals(shape, 1, shape.length, other.shape, 1, other.shape.length);
  }

  /**
   * Joins inputs along axis 0, in order: {@code [2, 4]} and {@code [3, 4]} make {@code [5, 4]}.
   *
   * @throws IllegalArgumentException no parts, scalars, or parts that differ in name, datatype or
   *     any axis after the first
   */
  public static InputTensor concatBatches(List<InputTensor> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("nothing to concatenate");
    }
    InputTensor first = parts.getFirst();
    if (parts.size() == 1) {
      return first;
    }
    long rows = 0;
    List<TensorData> data = new ArrayList<>(parts.size());
    for (InputTensor part : parts) {
      if (!first.batchesWith(part)) {
        throw new IllegalArgumentException(
            "cannot batch "
                + part.describe()
                + " with "
                + first.describe()
                + ": name, datatype and every axis after the first must agree");
      }
      rows += part.shape[0];
      data.add(part.data);
    }
    long[] shape = first.shape.clone();
    shape[0] = rows;
    return new InputTensor(first.name, first.datatype, shape, TensorData.concat(data));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof InputTensor that
        && name.equals(that.name)
        && datatype == that.datatype
        && Arrays.equals(shape, that.shape)
        && data.equals(that.data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, datatype, Arrays.hashCode(shape), data);
  }

  @Override
  public String toString() {
    return "InputTensor[" + describe() + " " + data + "]";
  }

  private String describe() {
    return "'" + name + "' " + datatype + " " + Shapes.describe(shape);
  }
}
