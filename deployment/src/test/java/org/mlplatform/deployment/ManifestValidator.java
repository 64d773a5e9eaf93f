package org.mlplatform.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads a manifest set and runs every rule on it; the result lists what is wrong. */
final class ManifestValidator {

  /** Kustomize's own file: not a Kubernetes object, checked by {@link KustomizationCheck}. */
  static final String KUSTOMIZATION = "kustomization.yaml";

  private final DocumentedSettings docs;

  ManifestValidator(DocumentedSettings docs) {
    this.docs = docs;
  }

  /** The YAML files of a directory by name, without the kustomization. */
  static Map<String, String> files(Path directory) {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(directory)) {
      for (Path file : list.toList()) {
        String name = file.getFileName().toString();
        if ((name.endsWith(".yaml") || name.endsWith(".yml")) && !name.equals(KUSTOMIZATION)) {
          files.put(name, Files.readString(file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + directory, e);
    }
    return files;
  }

  /** Every problem of the set made of these files (name to YAML text); empty when it is valid. */
  List<String> validate(Map<String, String> files) {
    Problems problems = new Problems();
    ManifestParser parser = new ManifestParser();
    List<Manifest> manifests = new ArrayList<>();
    files.forEach((name, text) -> parser.parse(name, text, manifests, problems));
    ManifestSet set = new ManifestSet(manifests);
    ObjectRules.check(set, problems);
    PodRules.check(set, problems);
    ReferenceRules.check(set, problems);
    RoutingRules.check(set, problems);
    SettingsRules.check(set, docs, problems);
    return problems.messages();
  }
}
