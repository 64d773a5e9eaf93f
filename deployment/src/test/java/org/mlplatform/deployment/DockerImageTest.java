package org.mlplatform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The image definition: a pinned base image, a non-root user the pods agree with, only the files it
 * copies in its build context, and an entrypoint that starts Payara Micro with the flags the
 * launcher uses (the image cannot be built here, so its parts are checked as text).
 */
class DockerImageTest {

  /** Launcher flags the container leaves out, with the reason. */
  private static final Set<String> NOT_IN_CONTAINER =
      Set.of(
          "--sslport",
          "--sslcert",
          "--prebootcommandfile", // HTTPS ends at the Ingress
          "--interfaces",
          "--nohostaware"); // a cluster of one machine only

  private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--[a-zA-Z][\\w-]*");

  @Test
  void theBaseImageIsPinnedToAnExactRelease() throws IOException {
    List<String> from = lines("FROM ");

    assertThat(from).hasSize(1);
    assertThat(from.getFirst())
        .matches("FROM eclipse-temurin:25\\.\\d+\\.\\d+_\\d+-jre-[a-z]+(@sha256:[0-9a-f]{64})?");
  }

  @Test
  void itRunsAsTheNonRootUserThePodsExpect() throws IOException {
    String deployment = Files.readString(Checkout.K8S.resolve("deployment.yaml"));

    assertThat(lines("USER ")).containsExactly("USER 10001:10001");
    assertThat(deployment).contains("runAsUser: 10001", "runAsGroup: 10001");
  }

  @Test
  void theBuildContextLetsInExactlyWhatItCopies() throws IOException {
    String ignore = Files.readString(Checkout.DOCKER.resolve("Dockerfile.dockerignore"));
    Set<String> allowed = new TreeSet<>();
    ignore.lines().filter(l -> l.startsWith("!")).forEach(l -> allowed.add(l.substring(1)));
    Set<String> copied = new TreeSet<>();
    lines("COPY ").forEach(l -> copied.add(l.split("\\s+")[1]));

    assertThat(ignore.lines()).contains("*");
    assertThat(allowed).isEqualTo(copied);
    copied.stream()
        .filter(f -> !f.startsWith("deployment/target/")) // built by Maven before the image
        .forEach(f -> assertThat(Checkout.ROOT.resolve(f)).as("COPY source").isRegularFile());
  }

  @Test
  void theEntrypointPassesEveryFlagTheLauncherStartsThePlatformWith() throws IOException {
    String launcher = Files.readString(Checkout.LAUNCHER);
    String entrypoint = Files.readString(Checkout.DOCKER.resolve("entrypoint.sh"));
    Set<String> flags = new TreeSet<>();
    for (String function : List.of("start_platform", "payara_cluster_args")) {
      Matcher flag = FLAG.matcher(code(body(launcher, function)));
      while (flag.find()) {
        flags.add(flag.group());
      }
    }
    flags.removeAll(NOT_IN_CONTAINER);

    assertThat(flags).contains("--enable-native-access", "--add-modules", "--rootDir");
    assertThat(flags).allSatisfy(f -> assertThat(code(entrypoint)).as("entrypoint.sh").contains(f));
  }

  private static List<String> lines(String prefix) throws IOException {
    return Files.readAllLines(Checkout.DOCKER.resolve("Dockerfile")).stream()
        .filter(l -> l.startsWith(prefix))
        .toList();
  }

  /** A shell function's text, from "name() {" to the closing brace at the line start. */
  private static String body(String script, String function) {
    Matcher m = Pattern.compile("(?ms)^" + function + "\\(\\) \\{$(.*?)^\\}$").matcher(script);
    assertThat(m.find()).as("the launcher's function %s", function).isTrue();
    return m.group(1);
  }

  /** The lines that are not comments; what the comments mention is not passed anywhere. */
  private static String code(String script) {
    return String.join(
        "\n", script.lines().filter(l -> !l.stripLeading().startsWith("#")).toList());
  }
}
