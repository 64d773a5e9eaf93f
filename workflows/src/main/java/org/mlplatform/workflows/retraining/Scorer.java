package org.mlplatform.workflows.retraining;

/**
 * Runs one model on a batch of rows: usually an ONNX Runtime session fed the tensor {@code input}
 * and read from the tensor {@code output}. The session belongs to the caller, who closes it.
 */
@FunctionalInterface
public interface Scorer {

  /**
   * @param inputs one row per example, the features in the model's feature order with missing
   *     values already imputed
   * @return one row per input row: class probabilities in the model's output-label order for a
   *     classifier, the predicted value for a regressor
   * @throws RuntimeException when the model cannot be run; the evaluation fails with it
   */
  float[][] score(float[][] inputs);
}
