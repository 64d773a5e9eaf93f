package org.mlplatform.deployment;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** The documents of one manifest set, with the look-ups the rules share. */
record ManifestSet(List<Manifest> manifests) {

  /** A pod template with the selector that owns it. */
  record Workload(Manifest manifest, LabelSelector selector, PodTemplateSpec template) {

    Map<String, String> podLabels() {
      return template.getMetadata() == null || template.getMetadata().getLabels() == null
          ? Map.of()
          : template.getMetadata().getLabels();
    }
  }

  <T extends HasMetadata> Stream<T> all(Class<T> type) {
    return manifests.stream().map(Manifest::object).filter(type::isInstance).map(type::cast);
  }

  Stream<Manifest> manifestsOf(Class<? extends HasMetadata> type) {
    return manifests.stream().filter(m -> type.isInstance(m.object()));
  }

  /** The object of that type and name in the namespace, if the set defines it. */
  <T extends HasMetadata> Optional<T> find(Class<T> type, String namespace, String name) {
    return all(type)
        .filter(o -> o.getMetadata() != null && Objects.equals(name, o.getMetadata().getName()))
        .filter(o -> Objects.equals(namespace, o.getMetadata().getNamespace()))
        .findFirst();
  }

  /** Every pod template in the set (Deployments are the only workloads it has). */
  List<Workload> workloads() {
    return manifests.stream()
        .filter(m -> m.object() instanceof Deployment)
        .map(
            m -> {
              Deployment d = (Deployment) m.object();
              return d.getSpec() == null
                  ? null
                  : new Workload(m, d.getSpec().getSelector(), d.getSpec().getTemplate());
            })
        .filter(Objects::nonNull)
        .filter(w -> w.template() != null && w.template().getSpec() != null)
        .toList();
  }

  /** The keys a ConfigMap defines, in data and binaryData. */
  static Set<String> keys(ConfigMap map) {
    Set<String> keys = new HashSet<>();
    Optional.ofNullable(map.getData()).ifPresent(d -> keys.addAll(d.keySet()));
    Optional.ofNullable(map.getBinaryData()).ifPresent(d -> keys.addAll(d.keySet()));
    return keys;
  }

  /** The keys a Secret defines, in data and stringData. */
  static Set<String> keys(Secret secret) {
    Set<String> keys = new HashSet<>();
    Optional.ofNullable(secret.getData()).ifPresent(d -> keys.addAll(d.keySet()));
    Optional.ofNullable(secret.getStringData()).ifPresent(d -> keys.addAll(d.keySet()));
    return keys;
  }
}
