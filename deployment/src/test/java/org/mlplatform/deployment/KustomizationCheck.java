package org.mlplatform.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The kustomization must apply exactly the checked files (a manifest left out of it is tested but
 * never deployed), use only the fields written here, and retag an image the pods use.
 */
final class KustomizationCheck {

  private static final Set<String> FIELDS =
      Set.of("apiVersion", "kind", "resources", "images", "namespace", "labels");

  private KustomizationCheck() {}

  /** The problems of the kustomization text, given the set's files and the images they use. */
  static List<String> check(String text, Set<String> files, Set<String> images) {
    List<String> problems = new ArrayList<>();
    JsonNode root = YAMLMapper.builder().build().readTree(text);
    String where = ManifestValidator.KUSTOMIZATION + ": ";
    if (!"kustomize.config.k8s.io/v1beta1".equals(root.path("apiVersion").asString(""))
        || !"Kustomization".equals(root.path("kind").asString(""))) {
      problems.add(where + "apiVersion/kind: not a kustomize.config.k8s.io/v1beta1 Kustomization");
    }
    for (String field : root.propertyNames()) {
      if (!FIELDS.contains(field)) {
        problems.add(where + field + ": not a field this check knows " + new TreeSet<>(FIELDS));
      }
    }
    Set<String> listed = new TreeSet<>();
    root.path("resources").forEach(r -> listed.add(r.asString()));
    for (String file : files) {
      if (!listed.contains(file)) {
        problems.add(where + "resources: does not list " + file);
      }
    }
    for (String resource : listed) {
      if (!files.contains(resource)) {
        problems.add(where + "resources: lists " + resource + ", which is not in the directory");
      }
    }
    for (JsonNode image : root.path("images")) {
      String name = image.path("name").asString("");
      boolean used = images.stream().anyMatch(i -> repository(i).equals(name));
      if (!used) {
        problems.add(where + "images: " + name + " is no image the pods use " + images);
      }
    }
    return problems;
  }

  /** The image without its tag or digest. */
  static String repository(String image) {
    int digest = image.indexOf('@');
    String withoutDigest = digest < 0 ? image : image.substring(0, digest);
    int colon = withoutDigest.lastIndexOf(':');
    return colon > withoutDigest.lastIndexOf('/')
        ? withoutDigest.substring(0, colon)
        : withoutDigest;
  }
}
