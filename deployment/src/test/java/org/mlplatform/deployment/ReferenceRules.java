package org.mlplatform.deployment;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What pods refer to by name must be in the set: ConfigMaps and Secrets with the keys used from
 * them, claims and the service account. A missing one would leave the pod waiting in
 * ContainerCreating or CreateContainerConfigError.
 */
final class ReferenceRules {

  private ReferenceRules() {}

  static void check(ManifestSet set, Problems problems) {
    for (ManifestSet.Workload w : set.workloads()) {
      new PodReferences(set, w.manifest(), w.manifest().namespace(), problems)
          .check(w.template().getSpec());
    }
  }

  private record PodReferences(ManifestSet set, Manifest m, String namespace, Problems problems) {

    void check(PodSpec pod) {
      String path = "spec.template.spec";
      String account = pod.getServiceAccountName();
      if (account != null
          && !account.equals("default")
          && set.find(ServiceAccount.class, namespace, account).isEmpty()) {
        problems.add(m, path + ".serviceAccountName", "no ServiceAccount '" + account + "'");
      }
      List<Volume> volumes = Optional.ofNullable(pod.getVolumes()).orElse(List.of());
      for (int i = 0; i < volumes.size(); i++) {
        volume(path + ".volumes[" + i + "]", volumes.get(i));
      }
      List<Container> containers = Optional.ofNullable(pod.getContainers()).orElse(List.of());
      for (int i = 0; i < containers.size(); i++) {
        container(path + ".containers[" + i + "]", containers.get(i));
      }
    }

    private void volume(String path, Volume v) {
      if (v.getConfigMap() != null) {
        keys(
            path + ".configMap",
            "ConfigMap",
            v.getConfigMap().getName(),
            v.getConfigMap().getOptional(),
            configMapKeys(v.getConfigMap().getName()),
            v.getConfigMap().getItems());
      }
      if (v.getSecret() != null) {
        keys(
            path + ".secret",
            "Secret",
            v.getSecret().getSecretName(),
            v.getSecret().getOptional(),
            secretKeys(v.getSecret().getSecretName()),
            v.getSecret().getItems());
      }
      if (v.getPersistentVolumeClaim() != null) {
        String claim = v.getPersistentVolumeClaim().getClaimName();
        if (set.find(PersistentVolumeClaim.class, namespace, claim).isEmpty()) {
          problems.add(
              m,
              path + ".persistentVolumeClaim.claimName",
              "no PersistentVolumeClaim '" + claim + "'");
        }
      }
    }

    private void keys(
        String path,
        String kind,
        String name,
        Boolean optional,
        Optional<Set<String>> defined,
        List<KeyToPath> items) {
      if (defined.isEmpty()) {
        if (!Boolean.TRUE.equals(optional)) {
          problems.add(m, path, "no " + kind + " '" + name + "'");
        }
        return;
      }
      List<KeyToPath> list = Optional.ofNullable(items).orElse(List.of());
      for (int i = 0; i < list.size(); i++) {
        if (!defined.get().contains(list.get(i).getKey())) {
          problems.add(
              m,
              path + ".items[" + i + "].key",
              kind + " '" + name + "' has no key '" + list.get(i).getKey() + "'");
        }
      }
    }

    private void container(String path, Container c) {
      List<EnvFromSource> from = Optional.ofNullable(c.getEnvFrom()).orElse(List.of());
      for (int i = 0; i < from.size(); i++) {
        EnvFromSource source = from.get(i);
        if (source.getConfigMapRef() != null) {
          keys(
              path + ".envFrom[" + i + "].configMapRef",
              "ConfigMap",
              source.getConfigMapRef().getName(),
              source.getConfigMapRef().getOptional(),
              configMapKeys(source.getConfigMapRef().getName()),
              null);
        }
        if (source.getSecretRef() != null) {
          keys(
              path + ".envFrom[" + i + "].secretRef",
              "Secret",
              source.getSecretRef().getName(),
              source.getSecretRef().getOptional(),
              secretKeys(source.getSecretRef().getName()),
              null);
        }
      }
      List<EnvVar> env = Optional.ofNullable(c.getEnv()).orElse(List.of());
      for (int i = 0; i < env.size(); i++) {
        envValue(path + ".env[" + i + "].valueFrom", env.get(i));
      }
    }

    private void envValue(String path, EnvVar e) {
      if (e.getValueFrom() == null) {
        return;
      }
      var configMapKey = e.getValueFrom().getConfigMapKeyRef();
      if (configMapKey != null) {
        key(
            path + ".configMapKeyRef",
            "ConfigMap",
            configMapKey.getName(),
            configMapKey.getKey(),
            configMapKey.getOptional(),
            configMapKeys(configMapKey.getName()));
      }
      var secretKey = e.getValueFrom().getSecretKeyRef();
      if (secretKey != null) {
        key(
            path + ".secretKeyRef",
            "Secret",
            secretKey.getName(),
            secretKey.getKey(),
            secretKey.getOptional(),
            secretKeys(secretKey.getName()));
      }
    }

    private void key(
        String path,
        String kind,
        String name,
        String key,
        Boolean optional,
        Optional<Set<String>> defined) {
      if (Boolean.TRUE.equals(optional)) {
        return;
      }
      if (defined.isEmpty()) {
        problems.add(m, path + ".name", "no " + kind + " '" + name + "'");
      } else if (!defined.get().contains(key)) {
        problems.add(m, path + ".key", kind + " '" + name + "' has no key '" + key + "'");
      }
    }

    private Optional<Set<String>> configMapKeys(String name) {
      return set.find(ConfigMap.class, namespace, name).map(ManifestSet::keys);
    }

    private Optional<Set<String>> secretKeys(String name) {
      return set.find(Secret.class, namespace, name).map(ManifestSet::keys);
    }
  }
}
