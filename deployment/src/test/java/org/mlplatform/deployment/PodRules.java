package org.mlplatform.deployment;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Pod templates: selector, image, resources, probes on the health endpoints, ports, mounts and a
 * non-root, unprivileged security context.
 */
final class PodRules {

  static final String LIVE = "/health/live";
  static final String READY = "/health/ready";

  /** A tag after the last slash, or a digest; "latest" does not count as pinned. */
  private static final Pattern PINNED_IMAGE = Pattern.compile(".+(:[\\w][\\w.-]*|@sha256:\\w+)");

  private PodRules() {}

  static void check(ManifestSet set, Problems problems) {
    for (ManifestSet.Workload w : set.workloads()) {
      if (!Selectors.matches(w.selector(), w.podLabels())) {
        problems.add(
            w.manifest(),
            "spec.selector",
            "does not select the pod template's labels " + w.podLabels());
      }
      PodSpec pod = w.template().getSpec();
      String podPath = "spec.template.spec";
      checkPodSecurity(w.manifest(), podPath, pod.getSecurityContext(), problems);
      List<Container> containers = Optional.ofNullable(pod.getContainers()).orElse(List.of());
      if (containers.isEmpty()) {
        problems.add(w.manifest(), podPath + ".containers", "a pod needs a container");
      }
      Set<String> volumes = new HashSet<>();
      Optional.ofNullable(pod.getVolumes()).orElse(List.of()).stream()
          .map(Volume::getName)
          .forEach(volumes::add);
      for (int i = 0; i < containers.size(); i++) {
        String path = podPath + ".containers[" + i + "]";
        new ContainerCheck(w.manifest(), path, containers.get(i), volumes, problems).run();
      }
    }
  }

  private static void checkPodSecurity(
      Manifest m, String path, PodSecurityContext context, Problems problems) {
    if (context == null || !Boolean.TRUE.equals(context.getRunAsNonRoot())) {
      problems.add(m, path + ".securityContext.runAsNonRoot", "must be true");
    }
  }

  /** The checks of one container. */
  private record ContainerCheck(
      Manifest m, String path, Container c, Set<String> volumes, Problems problems) {

    void run() {
      if (c.getName() == null || c.getName().isEmpty()) {
        problems.add(m, path + ".name", "is required");
      }
      if (c.getImage() == null
          || !PINNED_IMAGE.matcher(lastPart(c.getImage())).matches()
          || c.getImage().endsWith(":latest")) {
        problems.add(m, path + ".image", "needs a fixed tag or digest, got " + c.getImage());
      }
      resources();
      Map<String, ContainerPort> ports = ports();
      probe("livenessProbe", c.getLivenessProbe(), Set.of(LIVE), ports);
      probe("readinessProbe", c.getReadinessProbe(), Set.of(READY), ports);
      probe("startupProbe", c.getStartupProbe(), Set.of(READY, LIVE), ports);
      security();
      envNames();
      mounts();
    }

    private void resources() {
      ResourceRequirements r = c.getResources();
      Map<String, Quantity> requests =
          r == null || r.getRequests() == null ? Map.of() : r.getRequests();
      Map<String, Quantity> limits = r == null || r.getLimits() == null ? Map.of() : r.getLimits();
      for (String resource : List.of("cpu", "memory")) {
        Quantity request = requests.get(resource);
        Quantity limit = limits.get(resource);
        if (request == null) {
          problems.add(m, path + ".resources.requests." + resource, "is required");
        }
        if (limit == null) {
          problems.add(m, path + ".resources.limits." + resource, "is required");
        }
        if (request != null && limit != null && request.compareTo(limit) > 0) {
          problems.add(
              m, path + ".resources.requests." + resource, request + " exceeds the limit " + limit);
        }
      }
    }

    private Map<String, ContainerPort> ports() {
      Map<String, ContainerPort> named = new LinkedHashMap<>();
      List<ContainerPort> ports = Optional.ofNullable(c.getPorts()).orElse(List.of());
      for (int i = 0; i < ports.size(); i++) {
        ContainerPort port = ports.get(i);
        if (port.getName() == null || port.getName().isEmpty()) {
          problems.add(m, path + ".ports[" + i + "].name", "every port is named (probes use it)");
        } else if (named.put(port.getName(), port) != null) {
          problems.add(m, path + ".ports[" + i + "].name", "'" + port.getName() + "' twice");
        }
      }
      return named;
    }

    private void probe(
        String field, Probe probe, Set<String> paths, Map<String, ContainerPort> ports) {
      String at = path + "." + field;
      HTTPGetAction get = probe == null ? null : probe.getHttpGet();
      if (get == null) {
        problems.add(m, at + ".httpGet", "required: an HTTP probe on " + paths);
        return;
      }
      if (!paths.contains(get.getPath())) {
        problems.add(m, at + ".httpGet.path", "must be one of " + paths + ", got " + get.getPath());
      }
      String port = get.getPort() == null ? null : get.getPort().getStrVal();
      if (port == null) {
        problems.add(m, at + ".httpGet.port", "must name a container port, got " + get.getPort());
      } else if (!ports.containsKey(port)) {
        problems.add(
            m,
            at + ".httpGet.port",
            "'" + port + "' is not a port of the container " + ports.keySet());
      }
    }

    private void security() {
      SecurityContext s = c.getSecurityContext();
      if (s == null || !Boolean.FALSE.equals(s.getAllowPrivilegeEscalation())) {
        problems.add(m, path + ".securityContext.allowPrivilegeEscalation", "must be false");
      }
      if (s != null && Boolean.TRUE.equals(s.getPrivileged())) {
        problems.add(m, path + ".securityContext.privileged", "must not be true");
      }
    }

    private void envNames() {
      Set<String> names = new HashSet<>();
      List<EnvVar> env = Optional.ofNullable(c.getEnv()).orElse(List.of());
      for (int i = 0; i < env.size(); i++) {
        if (!names.add(env.get(i).getName())) {
          problems.add(m, path + ".env[" + i + "].name", env.get(i).getName() + " is set twice");
        }
      }
    }

    private void mounts() {
      List<VolumeMount> mounts = Optional.ofNullable(c.getVolumeMounts()).orElse(List.of());
      for (int i = 0; i < mounts.size(); i++) {
        if (!volumes.contains(mounts.get(i).getName())) {
          problems.add(
              m,
              path + ".volumeMounts[" + i + "].name",
              "'" + mounts.get(i).getName() + "' is not a volume of the pod " + volumes);
        }
      }
    }

    private static String lastPart(String image) {
      return image.substring(image.lastIndexOf('/') + 1);
    }
  }
}
