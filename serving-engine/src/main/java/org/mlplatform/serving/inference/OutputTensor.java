package org.mlplatform.serving.inference;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.mlplatform.domain.models.ElementType;

/**
 * One output of a model run, copied out of ONNX Runtime's native memory so that it outlives the
 * run's native objects.
 */
public sealed interface OutputTensor permits OutputTensor.Tensor, OutputTensor.Structured {

  String name();

  /** A tensor output. Equal by content. */
  record Tensor(String name, ElementType datatype, long[] shape, TensorData data)
      implements OutputTensor {

    public Tensor {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(datatype, "datatype");
      Objects.requireNonNull(data, "data");
      shape = shape.clone();
      if (data.type() != datatype) {
        throw new IllegalArgumentException(
            "output '" + name + "' is " + datatype + " but its data is " + data.type());
      }
      if (Shapes.elementCount(shape) != data.length()) {
        throw new IllegalArgumentException(
            "output '"
                + name
                + "' has shape "
                + Shapes.describe(shape)
                + " but "
                + data.length()
                + " elements");
      }
    }

    /** A copy: the record stays immutable. */
    @Override
    public long[] shape() {
      return shape.clone();
    }

    /**
     * Rows {@code fromRow} (inclusive) to {@code toRow} (exclusive) along axis 0: one request's
     * share of a batched run. Shares the elements with this tensor.
     */
    public Tensor slice(long fromRow, long toRow) {
      if (shape.length == 0) {
        throw new IllegalStateException("output '" + name + "' is a scalar and has no rows");
      }
      Objects.checkFromToIndex(fromRow, toRow, shape[0]);
      long rowSize = Shapes.rowSize(shape);
      long[] sliced = shape.clone();
      sliced[0] = toRow - fromRow;
      return new Tensor(
          name,
          datatype,
          sliced,
          data.slice(Math.toIntExact(fromRow * rowSize), Math.toIntExact(toRow * rowSize)));
    }

    /** Row {@code row} of a {@code [N, k]} (or {@code [N]}) numeric tensor, as doubles. */
    public double[] row(int row) {
      if (shape.length == 0) {
        throw new IllegalStateException("output '" + name + "' is a scalar and has no rows");
      }
      Objects.checkIndex(row, shape[0]);
      int rowSize = Math.toIntExact(Shapes.rowSize(shape));
      return data.slice(row * rowSize, (row + 1) * rowSize).toDoubleArray();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Tensor that
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
      return "Tensor['" + name + "' " + datatype + " " + Shapes.describe(shape) + " " + data + "]";
    }
  }

  /**
   * A value that is not a tensor, such as the sequence of maps from class label to probability that
   * ZipMap produces, as plain Java: {@link java.util.Map} (keys as strings), {@link List}, String,
   * Number and Boolean. A single map is a list of one item.
   */
  record Structured(String name, List<Object> items) implements OutputTensor {

    public Structured {
      Objects.requireNonNull(name, "name");
      items = List.copyOf(items);
    }

    /** Items {@code from} (inclusive) to {@code to} (exclusive): one request's share of a batch. */
    public Structured slice(int from, int to) {
      return new Structured(name, items.subList(from, to));
    }
  }
}
