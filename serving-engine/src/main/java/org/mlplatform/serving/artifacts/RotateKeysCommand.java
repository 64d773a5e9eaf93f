package org.mlplatform.serving.artifacts;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code ./mlp rotate-keys}: runs a {@link KeyRotation} on a stopped platform's data directory.
 * Runs on the artifact classes alone (no server, no network, no database).
 *
 * <p>Usage: {@code RotateKeysCommand <data directory>}; the keys come from the environment as the
 * platform reads them: {@code MLP_ARTIFACTS_KEY} and {@code MLP_ARTIFACTS_RETIRED_KEYS}
 * (comma-separated). The launcher resolves their {@code _FILE} forms before it starts this. Exit
 * status 0 when done, 1 when the rotation stopped (every artifact still readable), 2 for a usage
 * error.
 */
public final class RotateKeysCommand {

  /** Held: java.util.logging keeps loggers only weakly, and would forget the level. */
  private static final Logger ARTIFACT_LOGS =
      Logger.getLogger(RotateKeysCommand.class.getPackageName());

  private RotateKeysCommand() {}

  public static void main(String[] args) {
    // Progress goes to stdout line by line; the store's own INFO log would repeat it.
    ARTIFACT_LOGS.setLevel(Level.WARNING);
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
    if (args.length != 1 || args[0].isBlank()) {
      err.println("usage: RotateKeysCommand <data directory>");
      return 2;
    }
    Path dataDirectory = Path.of(args[0]).toAbsolutePath().normalize();
    if (!Files.isDirectory(dataDirectory)) {
      err.println("mlp rotate-keys: no data directory " + dataDirectory);
      return 2;
    }
    KeyRotation rotation;
    try {
      rotation =
          new KeyRotation(
              dataDirectory,
              Optional.ofNullable(environment.get("MLP_ARTIFACTS_KEY")),
              retiredKeys(environment.get("MLP_ARTIFACTS_RETIRED_KEYS")),
              out::println);
    } catch (IllegalArgumentException e) {
      // ArtifactKey's messages say what is wrong with a key, never the key itself.
      err.println("mlp rotate-keys: a configured artifact key is unusable: " + e.getMessage());
      return 2;
    }
    try {
      KeyRotation.Summary summary = rotation.run();
      out.println(
          "Done: "
              + summary.reencrypted()
              + " artifacts re-encrypted, "
              + summary.alreadyCurrent()
              + " already current; current key "
              + summary.currentKeyId()
              + (summary.removedKeyIds().isEmpty()
                  ? ""
                  : "; removed key(s) " + String.join(", ", summary.removedKeyIds())));
      return 0;
    } catch (IOException | RuntimeException e) {
      err.println(
          "mlp rotate-keys: stopped: "
              + e.getMessage()
              + "\n  Every artifact is still readable with the keys in "
              + KeyDirectory.in(dataDirectory).currentFile().getParent()
              + " (and any configured ones); fix the cause and run ./mlp rotate-keys again.");
      return 1;
    }
  }

  private static List<String> retiredKeys(String value) {
    return value == null
        ? List.of()
        : Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
  }
}
