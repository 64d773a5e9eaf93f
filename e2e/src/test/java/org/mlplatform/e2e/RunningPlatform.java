package org.mlplatform.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts Keycloak and the platform once for all end-to-end tests, the way a user does ({@code ./mlp
 * start --background}), on ports and a data folder of their own, and stops both when the test run
 * ends.
 */
public final class RunningPlatform implements BeforeAllCallback {

  static final Path ROOT = Path.of(System.getProperty("mlp.e2e.root", "..")).toAbsolutePath();
  static final int PORT = Integer.getInteger("mlp.e2e.port", 18080);
  static final int KEYCLOAK_PORT = Integer.getInteger("mlp.e2e.keycloak-port", 18180);
  static final int INFERENCE_PORT = Integer.getInteger("mlp.e2e.inference-port", 18081);
  static final Path DATA_DIR =
      Path.of(System.getProperty("mlp.e2e.data-dir", "target/e2e-data")).toAbsolutePath();

  static final String BASE = "http://localhost:" + PORT;
  static final String ISSUER = "http://localhost:" + KEYCLOAK_PORT + "/realms/mlp";

  /** The one web origin allowed to call the API from a browser (CORS). */
  static final String CORS_ORIGIN = "http://allowed.example";

  private static final long START_TIMEOUT_MINUTES = 8;

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(RunningPlatform.class, k -> start(), Handle.class);
  }

  private static Handle start() {
    run(List.of("start", "--background"), START_TIMEOUT_MINUTES);
    return new Handle();
  }

  /**
   * Stops Keycloak and the platform and starts them again on the same data directory, as an
   * operator's restart does; tests that follow find a running platform as before.
   */
  static void restart() {
    run(List.of("stop"), 2);
    run(List.of("start", "--background"), START_TIMEOUT_MINUTES);
  }

  /**
   * Kills the platform's JVM with {@code kill -9} (no shutdown of any kind) and starts it again;
   * Keycloak keeps running.
   */
  static void killAndStart() {
    try {
      long pid = Long.parseLong(Files.readString(DATA_DIR.resolve("run/platform.pid")).strip());
      RunningCluster.kill(ProcessHandle.of(pid).orElseThrow());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    run(List.of("start", "--background"), START_TIMEOUT_MINUTES);
  }

  /** Stops what {@link #start()} started when the whole test run closes its store. */
  private static final class Handle implements AutoCloseable {
    @Override
    public void close() {
      run(List.of("stop"), 2);
    }
  }

  private static void run(List<String> args, long timeoutMinutes) {
    Launcher.run(DATA_DIR, RunningPlatform::settings, args, timeoutMinutes, true);
  }

  private static void settings(Map<String, String> env) {
    env.put("MLP_PORT", String.valueOf(PORT));
    env.put("MLP_KEYCLOAK_PORT", String.valueOf(KEYCLOAK_PORT));
    env.put("MLP_SERVING_PORT", String.valueOf(INFERENCE_PORT));
    // Workflow timers in seconds, so reminders, escalations and canary verdicts happen in a test.
    env.put("MLP_WORKFLOWS_REVIEW_DUE", "PT3S");
    env.put("MLP_WORKFLOWS_ESCALATE_AFTER", "PT3S");
    env.put("MLP_WORKFLOWS_CANARY_WINDOW", "PT6S");
    env.put("MLP_WORKFLOWS_CANARY_MIN_REQUESTS", "5");
    env.put("MLP_MONITORING_TICK", "PT2S");
    env.put("MLP_CORS_ORIGINS", CORS_ORIGIN);
    env.remove("MLP_OIDC_ISSUER");
    env.remove("MLP_DB_URL");
  }
}
