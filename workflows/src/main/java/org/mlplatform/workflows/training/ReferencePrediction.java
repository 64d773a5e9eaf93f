package org.mlplatform.workflows.training;

import java.util.Arrays;

/**
 * One held-out row and what Tribuo predicted for it: a check that whoever runs the exported ONNX
 * graph (registration, serving) feeds it the same way. The inputs are already imputed and in the
 * model's feature order; the outputs are in its output order (probabilities for a classifier).
 */
public record ReferencePrediction(double[] inputs, double[] outputs) {

  public ReferencePrediction {
    inputs = inputs.clone();
    outputs = outputs.clone();
  }

  @Override
  public double[] inputs() {
    return inputs.clone();
  }

  @Override
  public double[] outputs() {
    return outputs.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ReferencePrediction that
        && Arrays.equals(inputs, that.inputs)
        && Arrays.equals(outputs, that.outputs);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(inputs) + Arrays.hashCode(outputs);
  }

  @Override
  public String toString() {
    return "ReferencePrediction" + Arrays.toString(inputs) + " -> " + Arrays.toString(outputs);
  }
}
