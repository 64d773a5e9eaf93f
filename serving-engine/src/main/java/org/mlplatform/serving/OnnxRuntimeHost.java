package org.mlplatform.serving;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtProvider;
import java.util.EnumSet;
import java.util.List;

/**
 * Loads ONNX Runtime's native library and holds the process-wide {@link OrtEnvironment}. Creating
 * it at start-up, not on the first prediction, surfaces a broken native library before the platform
 * says it is ready.
 */
public final class OnnxRuntimeHost {

  private final OrtEnvironment environment;

  private OnnxRuntimeHost(OrtEnvironment environment) {
    this.environment = environment;
  }

  /** Loads the native library and creates the shared environment. */
  public static OnnxRuntimeHost start() {
    try {
      return new OnnxRuntimeHost(
          OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING, "mlp"));
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      throw new IllegalStateException("ONNX Runtime could not start: " + e.getMessage(), e);
    }
  }

  public OrtEnvironment environment() {
    return environment;
  }

  /** ONNX Runtime's version string, shown on the health endpoint. */
  public String version() {
    return environment.getVersion();
  }

  /** Execution providers this build of ONNX Runtime offers (CPU at least). */
  public List<String> providers() {
    EnumSet<OrtProvider> providers = OrtEnvironment.getAvailableProviders();
    return providers.stream().map(OrtProvider::getName).sorted().toList();
  }
}
