package org.mlplatform.benchmarks.serving;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * The model in an in-process ONNX Runtime session, set up as the platform's serving sessions are
 * (serving-engine's {@code SessionSettings}): 1 intra-op and 1 inter-op thread, sequential, all
 * graph optimisations, no spinning. Thread-safe: concurrent callers share the session.
 */
final class BareSession implements AutoCloseable {

  static final String INPUT = "input";
  static final String OUTPUT = "output";

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final int width;

  private BareSession(OrtEnvironment environment, OrtSession session, int width) {
    this.environment = environment;
    this.session = session;
    this.width = width;
  }

  /** Opens a session on ONNX bytes whose input {@code input} takes {@code width} columns. */
  static BareSession open(byte[] onnx, int width) throws OrtException {
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    OrtSession session;
    try (SessionOptions options = new SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
      options.setOptimizationLevel(SessionOptions.OptLevel.ALL_OPT);
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      options.addConfigEntry("session.inter_op.allow_spinning", "0");
      session = environment.createSession(onnx, options);
    }
    if (!session.getInputNames().contains(INPUT) || !session.getOutputNames().contains(OUTPUT)) {
      String names = "inputs " + session.getInputNames() + ", outputs " + session.getOutputNames();
      session.close();
      throw new IllegalStateException(
          "expected input " + INPUT + " and output " + OUTPUT + "; " + names);
    }
    return new BareSession(environment, session, width);
  }

  /**
   * Predicts rows of {@code width} values laid end to end: creates the input tensor, runs the
   * session and copies the output out, which is what the benchmark times.
   *
   * @return the output tensor's values, row after row
   */
  float[] predict(float[] rows) throws OrtException {
    if (rows.length == 0 || rows.length % width != 0) {
      throw new IllegalArgumentException(
          "rows of " + width + " values, got " + rows.length + " values");
    }
    long[] shape = {rows.length / width, width};
    try (OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(rows), shape);
        OrtSession.Result result = session.run(Map.of(INPUT, input))) {
      OnnxValue output = result.get(OUTPUT).orElseThrow();
      FloatBuffer values = ((OnnxTensor) output).getFloatBuffer();
      if (values == null) {
        throw new IllegalStateException("output " + OUTPUT + " is not FP32: " + output.getInfo());
      }
      float[] answer = new float[values.remaining()];
      values.get(answer);
      return answer;
    }
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
