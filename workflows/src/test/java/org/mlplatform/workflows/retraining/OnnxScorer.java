package org.mlplatform.workflows.retraining;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Map;

/**
 * A {@link Scorer} backed by ONNX Runtime the way serving runs a version: one session per model,
 * FP32 tensor {@code input} in, {@code output} out, one intra-op thread. Tests only: the module has
 * ONNX Runtime in test scope.
 */
final class OnnxScorer implements Scorer, AutoCloseable {

  private static final String INPUT = "input";
  private static final String OUTPUT = "output";

  private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
  private final OrtSession session;

  OnnxScorer(byte[] model) throws OrtException {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      session = environment.createSession(model, options);
    }
  }

  @Override
  public float[][] score(float[][] inputs) {
    try (OnnxTensor tensor = OnnxTensor.createTensor(environment, inputs);
        OrtSession.Result result = session.run(Map.of(INPUT, tensor))) {
      return (float[][])
          result
              .get(OUTPUT)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "the model has no output '"
                              + OUTPUT
                              + "'; its outputs: "
                              + session.getOutputNames()))
              .getValue();
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime could not run the model: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
