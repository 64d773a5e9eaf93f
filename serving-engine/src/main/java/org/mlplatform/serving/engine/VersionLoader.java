package org.mlplatform.serving.engine;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.List;
import java.util.Set;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.serving.inference.InputTensor;
import org.mlplatform.serving.inference.OrtRunner;

/**
 * Opens a version's session and warms it up: the first runs of a session allocate its memory arenas
 * and pick kernels, and that cost belongs to loading, not to the first callers.
 */
public final class VersionLoader {

  private final OrtEnvironment environment;
  private final SessionSettings settings;

  public VersionLoader(OrtEnvironment environment, SessionSettings settings) {
    this.environment = environment;
    this.settings = settings;
  }

  /** Opens and warms up, logging every input in clear. */
  public LoadedVersion load(ModelVersion version, byte[] model) throws VersionLoadException {
    return load(version, model, LogMask.NONE);
  }

  /** Opens and warms up; the session is closed again if the warm-up fails. */
  public LoadedVersion load(ModelVersion version, byte[] model, LogMask logMask)
      throws VersionLoadException {
    OrtSession session;
    try {
      session = settings.open(environment, model);
    } catch (OrtException | RuntimeException e) {
      throw new VersionLoadException(
          version.id(), "ONNX Runtime cannot open it: " + e.getMessage());
    }
    try {
      warmUp(version, session);
      return new LoadedVersion(version, session, logMask);
    } catch (VersionLoadException | RuntimeException e) {
      closeQuietly(session);
      throw e;
    }
  }

  private void warmUp(ModelVersion version, OrtSession session) throws VersionLoadException {
    List<InputTensor> zeros = WarmupInputs.zeros(version.signature()).orElse(null);
    if (zeros == null) {
      return;
    }
    for (int run = 0; run < settings.warmupRuns(); run++) {
      try {
        OrtRunner.run(environment, session, zeros, Set.of());
      } catch (OrtException | RuntimeException e) {
        throw new VersionLoadException(
            version.id(), "the warm-up run on zero inputs failed: " + e.getMessage());
      }
    }
  }

  private static void closeQuietly(OrtSession session) {
    try {
      session.close();
    } catch (OrtException e) {
      // The load already failed; its reason is what the caller needs to hear.
    }
  }
}
