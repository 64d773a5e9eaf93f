package org.mlplatform.deployment;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mlplatform.deployment.ContainerSettings.Setting;

/**
 * The MLP_* settings the pods get: documented names only, secrets only as files from a mounted
 * Secret, ports that the container declares, directories on volumes of the right kind, and
 * in-cluster host names (database, cluster members) that are Services of the set.
 */
final class SettingsRules {

  /** An in-cluster Service DNS name, with an optional port. */
  private static final Pattern SERVICE_HOST =
      Pattern.compile(
          "\\b([a-z0-9]([-a-z0-9]*[a-z0-9])?)\\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)\\.svc(\\.cluster\\.local)?(:(\\d+))?");

  private static final int DEFAULT_CLUSTER_PORT = 5701;

  private SettingsRules() {}

  static void check(ManifestSet set, DocumentedSettings docs, Problems problems) {
    for (ManifestSet.Workload w : set.workloads()) {
      PodSpec pod = w.template().getSpec();
      List<Container> containers = Optional.ofNullable(pod.getContainers()).orElse(List.of());
      for (int i = 0; i < containers.size(); i++) {
        String path = "spec.template.spec.containers[" + i + "]";
        Container c = containers.get(i);
        Map<String, Setting> settings = ContainerSettings.of(set, w.manifest(), path, c);
        new Check(set, docs, w, pod, c, settings, problems).run();
      }
    }
  }

  private record Check(
      ManifestSet set,
      DocumentedSettings docs,
      ManifestSet.Workload w,
      PodSpec pod,
      Container c,
      Map<String, Setting> settings,
      Problems problems) {

    void run() {
      settings.forEach(this::name);
      ports();
      directories();
      hosts();
      cluster();
    }

    private void name(String name, Setting s) {
      if (!name.startsWith("MLP_")) {
        return;
      }
      if (!docs.allows(name)) {
        problems.add(
            s.source(),
            s.field(),
            name
                + (name.endsWith("_FILE")
                    ? " is the file form of a setting that is no secret"
                    : " is not a setting the launcher or README documents"));
      } else if (docs.secrets().contains(name)) {
        problems.add(
            s.source(),
            s.field(),
            name + " is a secret: mount it from a Secret and give " + name + "_FILE instead");
      } else if (name.endsWith("_FILE")) {
        secretFile(name, s);
      }
    }

    /** A secret's file must be one that a Secret volume mounted into the container provides. */
    private void secretFile(String name, Setting s) {
      Set<String> files = new HashSet<>();
      for (VolumeMount mount : mounts()) {
        volume(mount.getName())
            .map(Volume::getSecret)
            .ifPresent(
                v -> {
                  var items = v.getItems();
                  Stream<String> paths =
                      items != null && !items.isEmpty()
                          ? items.stream().map(k -> k.getPath())
                          : set
                              .find(Secret.class, w.manifest().namespace(), v.getSecretName())
                              .map(ManifestSet::keys)
                              .orElse(Set.of())
                              .stream();
                  paths.forEach(p -> files.add(stripSlash(mount.getMountPath()) + "/" + p));
                });
      }
      if (s.value() == null || !files.contains(s.value())) {
        problems.add(
            s.source(),
            s.field(),
            name + " = " + s.value() + " is no file of a mounted Secret " + files);
      }
    }

    /** The ports the platform opens must be container ports; the probes ask MLP_PORT. */
    private void ports() {
      Map<Integer, String> declared = new HashMap<>();
      Optional.ofNullable(c.getPorts()).orElse(List.of()).stream()
          .forEach(p -> declared.put(p.getContainerPort(), p.getName()));
      int http = port("MLP_PORT", 8080, declared);
      port("MLP_SERVING_PORT", 0, declared);
      if (clustered()) {
        port("MLP_CLUSTER_PORT", DEFAULT_CLUSTER_PORT, declared);
      }
      for (Probe probe :
          Stream.of(c.getLivenessProbe(), c.getReadinessProbe(), c.getStartupProbe())
              .filter(Objects::nonNull)
              .toList()) {
        if (probe.getHttpGet() != null && probe.getHttpGet().getPort() != null) {
          String name = probe.getHttpGet().getPort().getStrVal();
          if (name != null && declared.containsValue(name) && !name.equals(declared.get(http))) {
            problems.add(
                w.manifest(),
                "containers." + c.getName() + " probes",
                "probe port '" + name + "' is not MLP_PORT " + http + ", where /health answers");
          }
        }
      }
    }

    private int port(String name, int fallback, Map<Integer, String> declared) {
      Setting s = settings.get(name);
      int port;
      try {
        port = s == null || s.value() == null ? fallback : Integer.parseInt(s.value().trim());
      } catch (NumberFormatException e) {
        problems.add(s.source(), s.field(), name + " is not a port number: " + s.value());
        return fallback;
      }
      if (port != 0 && !declared.containsKey(port)) {
        Manifest where = s == null ? w.manifest() : s.source();
        String field = s == null ? "containers." + c.getName() + ".ports" : s.field();
        problems.add(
            where, field, name + " " + port + " is not a port of container " + c.getName());
      }
      return port;
    }

    /** The data directory is a writable volume; the shared one a ReadWriteMany claim. */
    private void directories() {
      directory("MLP_DATA_DIR", false);
      directory("MLP_SHARED_DIR", true);
    }

    private void directory(String name, boolean shared) {
      Setting s = settings.get(name);
      if (s == null || s.value() == null) {
        if (shared && clustered()) {
          problems.add(w.manifest(), "containers." + c.getName(), "a cluster needs MLP_SHARED_DIR");
        }
        return;
      }
      Optional<VolumeMount> mount =
          mounts().stream()
              .filter(m -> under(s.value(), m.getMountPath()))
              .max(Comparator.comparingInt(m -> m.getMountPath().length()));
      if (mount.isEmpty() || Boolean.TRUE.equals(mount.get().getReadOnly())) {
        problems.add(s.source(), s.field(), name + " " + s.value() + " is on no writable volume");
        return;
      }
      if (shared) {
        Optional<String> claim =
            volume(mount.get().getName())
                .map(Volume::getPersistentVolumeClaim)
                .map(v -> v.getClaimName());
        boolean manyWriters =
            claim
                .flatMap(n -> set.find(PersistentVolumeClaim.class, w.manifest().namespace(), n))
                .map(pvc -> pvc.getSpec().getAccessModes())
                .filter(modes -> modes.contains("ReadWriteMany"))
                .isPresent();
        if (!manyWriters) {
          problems.add(
              s.source(),
              s.field(),
              name + " must be on a ReadWriteMany PersistentVolumeClaim: every pod writes there");
        }
      }
    }

    /** In-cluster host names in values must be Services of the set, with that port. */
    private void hosts() {
      settings.forEach(
          (name, s) -> {
            if (s.value() == null) {
              return;
            }
            Matcher m = SERVICE_HOST.matcher(s.value());
            while (m.find()) {
              Optional<Service> service = set.find(Service.class, m.group(3), m.group(1));
              if (service.isEmpty()) {
                problems.add(s.source(), s.field(), m.group() + " names no Service of the set");
              } else if (m.group(7) != null
                  && servicePorts(service.get())
                      .noneMatch(p -> p.getPort() == Integer.parseInt(m.group(7)))) {
                problems.add(
                    s.source(), s.field(), m.group() + ": the Service has no port " + m.group(7));
              }
            }
          });
    }

    /**
     * Cluster members are found through a headless Service: its DNS name resolves to every pod it
     * selects, including pods that are not ready yet (they must join before they are).
     */
    private void cluster() {
      Setting dns = settings.get("MLP_CLUSTER_DNS");
      Setting members = settings.get("MLP_CLUSTER_MEMBERS");
      if (dns != null && dns.value() != null) {
        if (members != null) {
          problems.add(
              dns.source(), dns.field(), "MLP_CLUSTER_DNS and MLP_CLUSTER_MEMBERS are both set");
        }
        Matcher m = SERVICE_HOST.matcher(dns.value().trim());
        if (!m.matches() || m.group(6) != null) {
          problems.add(
              dns.source(),
              dns.field(),
              "'" + dns.value().trim() + "' is not <service>.<namespace>.svc.cluster.local");
        } else {
          set.find(Service.class, m.group(3), m.group(1)).ifPresent(s -> headless(dns, s));
        }
        nodeName();
        return;
      }
      if (members == null || members.value() == null) {
        return;
      }
      Setting portSetting = settings.get("MLP_CLUSTER_PORT");
      String clusterPort =
          portSetting == null ? String.valueOf(DEFAULT_CLUSTER_PORT) : portSetting.value();
      for (String member : members.value().split(",")) {
        Matcher m = SERVICE_HOST.matcher(member.trim());
        if (!m.matches()) {
          problems.add(
              members.source(),
              members.field(),
              "'" + member.trim() + "' is not <service>.<namespace>.svc.cluster.local:<port>");
          continue;
        }
        if (!Objects.equals(m.group(7), clusterPort)) {
          problems.add(
              members.source(),
              members.field(),
              member.trim() + " is not on MLP_CLUSTER_PORT " + clusterPort);
        }
        set.find(Service.class, m.group(3), m.group(1)).ifPresent(s -> headless(members, s));
      }
      nodeName();
    }

    private boolean clustered() {
      return settings.containsKey("MLP_CLUSTER_DNS") || settings.containsKey("MLP_CLUSTER_MEMBERS");
    }

    /** Each pod is a node of its own name. */
    private void nodeName() {
      Setting node = settings.get("MLP_NODE_NAME");
      boolean fromPodName =
          node != null
              && node.env() != null
              && node.env().getValueFrom() != null
              && node.env().getValueFrom().getFieldRef() != null
              && "metadata.name".equals(node.env().getValueFrom().getFieldRef().getFieldPath());
      if (!fromPodName) {
        problems.add(
            w.manifest(),
            "containers." + c.getName() + ".env",
            "MLP_NODE_NAME must come from the pod's name (valueFrom.fieldRef metadata.name)");
      }
    }

    private void headless(Setting members, Service s) {
      String name = s.getMetadata().getName();
      if (!"None".equals(s.getSpec().getClusterIP())) {
        problems.add(
            members.source(),
            members.field(),
            "Service " + name + " is not headless (clusterIP: None)");
      }
      if (!Boolean.TRUE.equals(s.getSpec().getPublishNotReadyAddresses())) {
        problems.add(
            members.source(),
            members.field(),
            "Service " + name + " must publish not-ready addresses: starting pods join first");
      }
      if (!Selectors.matches(s.getSpec().getSelector(), w.podLabels())) {
        problems.add(
            members.source(), members.field(), "Service " + name + " does not select these pods");
      }
    }

    private List<VolumeMount> mounts() {
      return Optional.ofNullable(c.getVolumeMounts()).orElse(List.of());
    }

    private Optional<Volume> volume(String name) {
      return Optional.ofNullable(pod.getVolumes()).orElse(List.of()).stream()
          .filter(v -> v.getName().equals(name))
          .findFirst();
    }

    private static Stream<ServicePort> servicePorts(Service s) {
      return Optional.ofNullable(s.getSpec().getPorts()).orElse(List.of()).stream();
    }

    private static boolean under(String path, String mountPath) {
      String root = stripSlash(mountPath);
      return path.equals(root) || path.startsWith(root + "/");
    }

    private static String stripSlash(String path) {
      return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
  }
}
