package org.mlplatform.serving.engine;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;

/**
 * How each serving session uses the CPU. Requests already run concurrently on the server's request
 * threads, so each session computes on the calling thread ({@code intraOpThreads = 1} by default)
 * rather than starting a pool per model that would fight the others for the same cores; spinning is
 * off so idle pools do not burn a core waiting for work.
 *
 * @param intraOpThreads threads one run may use; more helps a single large model at low concurrency
 * @param warmupRuns runs on zero inputs before a session reports ready
 */
public record SessionSettings(int intraOpThreads, int warmupRuns) {

  public SessionSettings {
    if (intraOpThreads < 1 || intraOpThreads > 256) {
      throw new IllegalArgumentException("intra-op threads between 1 and 256: " + intraOpThreads);
    }
    if (warmupRuns < 0 || warmupRuns > 100) {
      throw new IllegalArgumentException("warm-up runs between 0 and 100: " + warmupRuns);
    }
  }

  public static SessionSettings defaults() {
    return new SessionSettings(1, 3);
  }

  SessionOptions options() throws OrtException {
    SessionOptions options = new SessionOptions();
    try {
      options.setIntraOpNumThreads(intraOpThreads);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
      options.setOptimizationLevel(SessionOptions.OptLevel.ALL_OPT);
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      options.addConfigEntry("session.inter_op.allow_spinning", "0");
      return options;
    } catch (OrtException | RuntimeException e) {
      options.close();
      throw e;
    }
  }

  /** Opens a session on model bytes with these settings. */
  OrtSession open(ai.onnxruntime.OrtEnvironment environment, byte[] model) throws OrtException {
    try (SessionOptions options = options()) {
      return environment.createSession(model, options);
    }
  }
}
