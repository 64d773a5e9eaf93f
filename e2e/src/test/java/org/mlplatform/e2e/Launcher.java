package org.mlplatform.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Runs the project's launcher ({@code ./mlp}) as an operator does, its output kept in a log. */
final class Launcher {

  private Launcher() {}

  /**
   * Runs {@code ./mlp args} from the checkout with {@code MLP_DATA_DIR=dataDir} and whatever {@code
   * environment} sets or removes.
   *
   * @param mustSucceed whether an exit code other than 0 fails the caller
   * @return what the launcher printed
   */
  static String run(
      Path dataDir,
      Consumer<Map<String, String>> environment,
      List<String> args,
      long timeoutMinutes,
      boolean mustSucceed) {
    try {
      Files.createDirectories(dataDir);
      Path log = dataDir.resolve("mlp-" + String.join("-", args) + ".out");
      ProcessBuilder pb =
          new ProcessBuilder(
                  Stream.concat(
                          Stream.of(RunningPlatform.ROOT.resolve("mlp").toString()), args.stream())
                      .toList())
              .directory(RunningPlatform.ROOT.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      pb.environment().put("MLP_DATA_DIR", dataDir.toString());
      environment.accept(pb.environment());
      Process process = pb.start();
      if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("./mlp " + args + " timed out; see " + log);
      }
      String output = Files.readString(log);
      if (mustSucceed && process.exitValue() != 0) {
        throw new IllegalStateException(
            "./mlp " + args + " failed (" + process.exitValue() + "):\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run ./mlp " + args, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running ./mlp " + args, e);
    }
  }
}
