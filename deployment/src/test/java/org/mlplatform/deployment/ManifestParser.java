package org.mlplatform.deployment;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads YAML files into typed Kubernetes objects as strictly as the API server would: unknown
 * kinds, API versions that current clusters no longer serve, duplicate keys, numbers or booleans
 * where the schema wants strings (the classic {@code value: 8080} in an env entry) and fields
 * outside the schema are all refused.
 */
final class ManifestParser {

  /** The GA API groups the set may use; beta versions are gone from current clusters. */
  static final Set<String> SERVED_API_VERSIONS =
      Set.of("v1", "apps/v1", "autoscaling/v2", "policy/v1", "networking.k8s.io/v1");

  private final ObjectMapper yaml =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final KubernetesSerialization serialization =
      new KubernetesSerialization(strictMapper(), true);

  /** Adds each document of {@code text} to {@code into}; what cannot be read goes to problems. */
  void parse(String file, String text, List<Manifest> into, Problems problems) {
    List<JsonNode> documents;
    try (MappingIterator<JsonNode> it = yaml.readerFor(JsonNode.class).readValues(text)) {
      documents = it.readAll();
    } catch (JacksonException e) {
      problems.add(file, "(YAML)", "not valid YAML: " + e.getOriginalMessage());
      return;
    }
    int index = 0;
    for (JsonNode document : documents) {
      if (document == null || document.isNull() || document.isMissingNode()) {
        continue; // a comment-only document, e.g. after a trailing ---
      }
      index++;
      read(file, index, document, problems).ifPresent(into::add);
    }
  }

  private Optional<Manifest> read(String file, int index, JsonNode document, Problems problems) {
    String where = file + " #" + index;
    if (!document.isObject()) {
      problems.add(where, "(document)", "not a YAML mapping");
      return Optional.empty();
    }
    String apiVersion = document.path("apiVersion").asString("");
    String kind = document.path("kind").asString("");
    if (apiVersion.isEmpty() || kind.isEmpty()) {
      problems.add(where, "apiVersion/kind", "both are required");
      return Optional.empty();
    }
    String name = document.path("metadata").path("name").asString("");
    where = where + " " + kind + (name.isEmpty() ? "" : "/" + name);
    if (!SERVED_API_VERSIONS.contains(apiVersion)) {
      problems.add(
          where, "apiVersion", apiVersion + " is not one of " + sorted(SERVED_API_VERSIONS));
      return Optional.empty();
    }
    KubernetesResource resource;
    try {
      resource = serialization.convertValue(document, KubernetesResource.class);
    } catch (RuntimeException e) {
      problems.add(where, path(e), "does not fit the Kubernetes schema: " + rootMessage(e));
      return Optional.empty();
    }
    if (resource instanceof GenericKubernetesResource || !(resource instanceof HasMetadata typed)) {
      problems.add(where, "kind", kind + " is not a kind of " + apiVersion);
      return Optional.empty();
    }
    Manifest manifest = new Manifest(file, index, typed);
    UnknownFields.check(manifest, problems);
    return Optional.of(manifest);
  }

  /** Scalars must already have the schema's type; Jackson would otherwise convert them. */
  private static ObjectMapper strictMapper() {
    return JsonMapper.builder()
        .withCoercionConfig(
            LogicalType.Textual,
            c ->
                c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .withCoercionConfig(
            LogicalType.Integer,
            c ->
                c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
        .withCoercionConfig(
            LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
        .build();
  }

  /** The field a mapping error is at, as spec.template.spec.containers[0].ports. */
  private static String path(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DatabindException d && !d.getPath().isEmpty()) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference r : d.getPath()) {
          if (r.getPropertyName() != null) {
            path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
          } else if (r.getIndex() >= 0) {
            path.append('[').append(r.getIndex()).append(']');
          }
        }
        return path.toString();
      }
    }
    return "(document)";
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause instanceof JacksonException j ? j.getOriginalMessage() : cause.getMessage();
  }

  private static List<String> sorted(Set<String> values) {
    List<String> list = new ArrayList<>(values);
    list.sort(null);
    return list;
  }
}
