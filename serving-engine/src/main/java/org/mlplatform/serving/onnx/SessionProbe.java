package org.mlplatform.serving.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Opens a model in ONNX Runtime just long enough to read its inputs and outputs, then closes the
 * session. Counts what is open so that tests (and a health check) can see nothing is left behind.
 */
final class SessionProbe {

  private final OrtEnvironment environment;
  private final AtomicInteger openSessions = new AtomicInteger();

  SessionProbe(OrtEnvironment environment) {
    this.environment = environment;
  }

  /**
   * @param abandoned whether the caller stopped waiting; a probe that starts late does not load at
   *     all, and one that was loading closes its session as soon as the load returns
   * @return empty when abandoned
   */
  Optional<SessionDescription> describe(byte[] model, BooleanSupplier abandoned)
      throws OrtException, InvalidModelException {
    if (abandoned.getAsBoolean()) {
      return Optional.empty();
    }
    try (SessionOptions options = inspectionOptions();
        OrtSession session = environment.createSession(model, options)) {
      openSessions.incrementAndGet();
      try {
        if (abandoned.getAsBoolean()) {
          return Optional.empty();
        }
        return Optional.of(
            new SessionDescription(
                SignatureReader.read("input", session.getInputInfo()),
                SignatureReader.read("output", session.getOutputInfo())));
      } finally {
        openSessions.decrementAndGet();
      }
    }
  }

  int openSessions() {
    return openSessions.get();
  }

  /**
   * One thread and no spinning: an upload check must not take over a core that serves predictions.
   * The format is pinned to ONNX so that ONNX Runtime's own flat-buffer format (.ort) is not
   * accepted through the back door, and memory patterns are off because a probe runs nothing. Graph
   * optimizations are off too: the graph is still resolved and type-checked, but constant folding
   * could be made to allocate without bound by a small hostile file, and a probe gains nothing from
   * an optimized graph.
   */
  private static SessionOptions inspectionOptions() throws OrtException {
    SessionOptions options = new SessionOptions();
    try {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      options.addConfigEntry("session.inter_op.allow_spinning", "0");
      options.addConfigEntry("session.load_model_format", "ONNX");
      options.setMemoryPatternOptimization(false);
      options.setOptimizationLevel(SessionOptions.OptLevel.NO_OPT);
      return options;
    } catch (OrtException | RuntimeException e) {
      options.close();
      throw e;
    }
  }
}
