package org.mlplatform.deployment;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment a container gets, each variable with where it is set: envFrom ConfigMaps and
 * Secrets first, then env entries, which win as in Kubernetes.
 */
final class ContainerSettings {

  /**
   * One variable.
   *
   * @param value the literal value; null when it comes from a Secret or from valueFrom
   * @param source the document that sets it
   * @param field the field in that document
   * @param env the env entry, when set by one
   */
  record Setting(String value, Manifest source, String field, EnvVar env) {}

  private ContainerSettings() {}

  static Map<String, Setting> of(
      ManifestSet set, Manifest workload, String path, Container container) {
    Map<String, Setting> settings = new LinkedHashMap<>();
    String namespace = workload.namespace();
    for (EnvFromSource from : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
      String prefix = Optional.ofNullable(from.getPrefix()).orElse("");
      if (from.getConfigMapRef() != null) {
        String name = from.getConfigMapRef().getName();
        set.manifestsOf(ConfigMap.class)
            .filter(m -> name.equals(m.name()) && namespace.equals(m.namespace()))
            .findFirst()
            .ifPresent(
                m ->
                    Optional.ofNullable(((ConfigMap) m.object()).getData())
                        .orElse(Map.of())
                        .forEach(
                            (k, v) ->
                                settings.put(prefix + k, new Setting(v, m, "data." + k, null))));
      }
      if (from.getSecretRef() != null) {
        String name = from.getSecretRef().getName();
        set.manifestsOf(Secret.class)
            .filter(m -> name.equals(m.name()) && namespace.equals(m.namespace()))
            .findFirst()
            .ifPresent(
                m ->
                    ManifestSet.keys((Secret) m.object())
                        .forEach(
                            k ->
                                settings.put(prefix + k, new Setting(null, m, "data." + k, null))));
      }
    }
    List<EnvVar> env = Optional.ofNullable(container.getEnv()).orElse(List.of());
    for (int i = 0; i < env.size(); i++) {
      EnvVar e = env.get(i);
      String field = path + ".env[" + i + "]";
      settings.put(e.getName(), new Setting(literal(e), workload, field, e));
    }
    return settings;
  }

  /** An env entry's literal value ("" when it has none), or null when it comes from valueFrom. */
  private static String literal(EnvVar e) {
    return e.getValueFrom() != null ? null : Optional.ofNullable(e.getValue()).orElse("");
  }
}
