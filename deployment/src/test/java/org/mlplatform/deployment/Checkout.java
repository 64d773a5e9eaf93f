package org.mlplatform.deployment;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of the checkout the tests read; Maven runs them in the deployment module's folder. */
final class Checkout {

  static final Path MODULE = locateModule();
  static final Path ROOT = MODULE.getParent();
  static final Path K8S = MODULE.resolve("k8s");
  static final Path DOCKER = MODULE.resolve("docker");
  static final Path README = ROOT.resolve("README.md");
  static final Path LAUNCHER = ROOT.resolve("mlp");

  private Checkout() {}

  /** The settings the README and launcher of this checkout document. */
  static DocumentedSettings settings() {
    return DocumentedSettings.read(README, LAUNCHER);
  }

  private static Path locateModule() {
    Path dir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    if (!Files.isDirectory(dir.resolve("k8s"))
        && Files.isDirectory(dir.resolve("deployment/k8s"))) {
      dir = dir.resolve("deployment"); // run from the repository root, e.g. by an IDE
    }
    return dir;
  }
}
