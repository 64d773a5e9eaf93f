package org.mlplatform.serving.engine;

import java.util.ArrayList;
import java.util.List;
import org.mlplatform.serving.inference.InputTensor;
import org.mlplatform.serving.inference.OutputTensor;

/** One row of a batched request and its answer, so each row can be logged under its own id. */
final class RowSlices {

  private RowSlices() {}

  /** Whether every input and output has one entry per row along its first axis. */
  static boolean sliceable(List<InputTensor> inputs, List<OutputTensor> outputs, long rows) {
    for (InputTensor input : inputs) {
      if (input.shape().length == 0 || input.shape()[0] != rows) {
        return false;
      }
    }
    for (OutputTensor output : outputs) {
      long length =
          switch (output) {
            case OutputTensor.Tensor t -> t.shape().length == 0 ? -1 : t.shape()[0];
            case OutputTensor.Structured s -> s.items().size();
          };
      if (length != rows) {
        return false;
      }
    }
    return true;
  }

  static List<InputTensor> inputs(List<InputTensor> inputs, int row) {
    List<InputTensor> slices = new ArrayList<>(inputs.size());
    for (InputTensor input : inputs) {
      long[] shape = input.shape().clone();
      int perRow = (int) (input.data().length() / shape[0]);
      shape[0] = 1;
      slices.add(
          new InputTensor(
              input.name(),
              input.datatype(),
              shape,
              input.data().slice(row * perRow, (row + 1) * perRow)));
    }
    return slices;
  }

  static List<OutputTensor> outputs(List<OutputTensor> outputs, int row) {
    List<OutputTensor> slices = new ArrayList<>(outputs.size());
    for (OutputTensor output : outputs) {
      slices.add(
          switch (output) {
            case OutputTensor.Tensor t -> t.slice(row, row + 1);
            case OutputTensor.Structured s -> s.slice(row, row + 1);
          });
    }
    return slices;
  }
}
