package org.mlplatform.workflows.training;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Map;

/** Runs an exported model the way serving does: ONNX Runtime, FP32 input, one intra-op thread. */
final class OnnxRunner implements AutoCloseable {

  private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
  private final OrtSession session;

  OnnxRunner(byte[] model) throws OrtException {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      session = environment.createSession(model, options);
    }
  }

  OrtSession session() {
    return session;
  }

  /** The {@code output} tensor for rows of {@code input}, as doubles. */
  double[][] run(double[][] rows) throws OrtException {
    float[][] input = new float[rows.length][];
    for (int r = 0; r < rows.length; r++) {
      input[r] = new float[rows[r].length];
      for (int c = 0; c < rows[r].length; c++) {
        input[r][c] = (float) rows[r][c];
      }
    }
    try (OnnxTensor tensor = OnnxTensor.createTensor(environment, input);
        OrtSession.Result result = session.run(Map.of("input", tensor))) {
      float[][] output = (float[][]) result.get("output").orElseThrow().getValue();
      double[][] values = new double[output.length][];
      for (int r = 0; r < output.length; r++) {
        values[r] = new double[output[r].length];
        for (int c = 0; c < output[r].length; c++) {
          values[r][c] = output[r][c];
        }
      }
      return values;
    }
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
