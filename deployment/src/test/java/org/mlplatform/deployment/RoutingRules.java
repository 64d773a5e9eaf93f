package org.mlplatform.deployment;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What routes to or acts on the pods must find them: Services and PodDisruptionBudgets by selector,
 * the HorizontalPodAutoscaler by its target's name, the Ingress by Service and port.
 */
final class RoutingRules {

  private RoutingRules() {}

  static void check(ManifestSet set, Problems problems) {
    set.manifestsOf(Service.class).forEach(m -> service(set, m, (Service) m.object(), problems));
    set.manifestsOf(HorizontalPodAutoscaler.class)
        .forEach(m -> autoscaler(set, m, (HorizontalPodAutoscaler) m.object(), problems));
    set.manifestsOf(PodDisruptionBudget.class)
        .forEach(m -> budget(set, m, (PodDisruptionBudget) m.object(), problems));
    set.manifestsOf(Ingress.class).forEach(m -> ingress(set, m, (Ingress) m.object(), problems));
  }

  private static void service(ManifestSet set, Manifest m, Service s, Problems problems) {
    if (s.getSpec() == null) {
      problems.add(m, "spec", "is required");
      return;
    }
    List<ServicePort> ports = Optional.ofNullable(s.getSpec().getPorts()).orElse(List.of());
    if ("ExternalName".equals(s.getSpec().getType())) {
      if (s.getSpec().getExternalName() == null || s.getSpec().getExternalName().isEmpty()) {
        problems.add(m, "spec.externalName", "is required for type ExternalName");
      }
      return;
    }
    List<ManifestSet.Workload> targets =
        set.workloads().stream()
            .filter(w -> Selectors.matches(s.getSpec().getSelector(), w.podLabels()))
            .toList();
    if (targets.isEmpty()) {
      problems.add(m, "spec.selector", "selects no pod template of the set");
    }
    if (ports.isEmpty()) {
      problems.add(m, "spec.ports", "a Service needs a port");
    }
    for (int i = 0; i < ports.size(); i++) {
      IntOrString target = ports.get(i).getTargetPort();
      for (ManifestSet.Workload w : targets) {
        if (target != null && !hasPort(w, target)) {
          problems.add(
              m,
              "spec.ports[" + i + "].targetPort",
              describe(target) + " is not a container port of " + w.manifest().label());
        }
      }
    }
  }

  private static void autoscaler(
      ManifestSet set, Manifest m, HorizontalPodAutoscaler hpa, Problems problems) {
    var spec = hpa.getSpec();
    if (spec == null) {
      problems.add(m, "spec", "is required");
      return;
    }
    var ref = spec.getScaleTargetRef();
    Optional<Deployment> target =
        ref != null && "Deployment".equals(ref.getKind()) && "apps/v1".equals(ref.getApiVersion())
            ? set.find(Deployment.class, m.namespace(), ref.getName())
                .filter(d -> d.getSpec() != null && d.getSpec().getTemplate() != null)
                .filter(d -> d.getSpec().getTemplate().getSpec() != null)
            : Optional.empty();
    if (target.isEmpty()) {
      problems.add(m, "spec.scaleTargetRef", "names no apps/v1 Deployment of the set");
    } else {
      if (target.get().getSpec().getReplicas() != null) {
        problems.add(
            m,
            "spec.scaleTargetRef",
            "the Deployment sets spec.replicas, which every apply would reset the autoscaler to");
      }
      for (MetricSpec metric : Optional.ofNullable(spec.getMetrics()).orElse(List.of())) {
        if (metric.getResource() != null) {
          requested(m, target.get(), metric.getResource().getName(), problems);
        }
      }
    }
    int min = Optional.ofNullable(spec.getMinReplicas()).orElse(1);
    if (min < 1 || spec.getMaxReplicas() == null || spec.getMaxReplicas() < min) {
      problems.add(m, "spec.maxReplicas", "needs 1 <= minReplicas <= maxReplicas");
    }
  }

  /** Utilization is a share of the request: without one the autoscaler cannot compute it. */
  private static void requested(Manifest m, Deployment target, String resource, Problems problems) {
    for (Container c : target.getSpec().getTemplate().getSpec().getContainers()) {
      var requests = c.getResources() == null ? null : c.getResources().getRequests();
      if (requests == null || !requests.containsKey(resource)) {
        problems.add(
            m,
            "spec.metrics",
            "scales on " + resource + ", which container " + c.getName() + " does not request");
      }
    }
  }

  private static void budget(
      ManifestSet set, Manifest m, PodDisruptionBudget pdb, Problems problems) {
    if (pdb.getSpec() == null) {
      problems.add(m, "spec", "is required");
      return;
    }
    boolean selects =
        set.workloads().stream()
            .anyMatch(w -> Selectors.matches(pdb.getSpec().getSelector(), w.podLabels()));
    if (!selects) {
      problems.add(m, "spec.selector", "selects no pod template of the set");
    }
    IntOrString minAvailable = pdb.getSpec().getMinAvailable();
    if (minAvailable != null && minAvailable.getIntVal() != null) {
      int fewest =
          set.all(HorizontalPodAutoscaler.class)
              .map(h -> Optional.ofNullable(h.getSpec().getMinReplicas()).orElse(1))
              .min(Integer::compare)
              .orElse(Integer.MAX_VALUE);
      if (minAvailable.getIntVal() >= fewest) {
        problems.add(
            m, "spec.minAvailable", "leaves no pod to evict at the autoscaler's minimum " + fewest);
      }
    }
  }

  private static void ingress(ManifestSet set, Manifest m, Ingress ingress, Problems problems) {
    if (ingress.getSpec() == null) {
      problems.add(m, "spec", "is required");
      return;
    }
    List<IngressRule> rules = Optional.ofNullable(ingress.getSpec().getRules()).orElse(List.of());
    for (int r = 0; r < rules.size(); r++) {
      List<HTTPIngressPath> paths =
          rules.get(r).getHttp() == null ? List.of() : rules.get(r).getHttp().getPaths();
      for (int p = 0; p < paths.size(); p++) {
        String at = "spec.rules[" + r + "].http.paths[" + p + "].backend.service";
        backend(set, m, at, paths.get(p).getBackend().getService(), problems);
      }
    }
    if (ingress.getSpec().getDefaultBackend() != null) {
      backend(
          set,
          m,
          "spec.defaultBackend.service",
          ingress.getSpec().getDefaultBackend().getService(),
          problems);
    }
  }

  private static void backend(
      ManifestSet set, Manifest m, String at, IngressServiceBackend backend, Problems problems) {
    if (backend == null) {
      problems.add(m, at, "is required");
      return;
    }
    Optional<Service> service = set.find(Service.class, m.namespace(), backend.getName());
    if (service.isEmpty()) {
      problems.add(m, at + ".name", "no Service '" + backend.getName() + "'");
      return;
    }
    var port = backend.getPort();
    boolean found =
        port != null
            && Optional.ofNullable(service.get().getSpec().getPorts()).orElse(List.of()).stream()
                .anyMatch(
                    sp ->
                        port.getName() != null
                            ? port.getName().equals(sp.getName())
                            : Objects.equals(port.getNumber(), sp.getPort()));
    if (!found) {
      problems.add(m, at + ".port", "is not a port of Service '" + backend.getName() + "'");
    }
  }

  private static boolean hasPort(ManifestSet.Workload w, IntOrString target) {
    return w.template().getSpec().getContainers().stream()
        .flatMap(c -> Optional.ofNullable(c.getPorts()).orElse(List.of()).stream())
        .anyMatch(p -> matches(p, target));
  }

  private static boolean matches(ContainerPort port, IntOrString target) {
    return target.getStrVal() != null
        ? target.getStrVal().equals(port.getName())
        : Objects.equals(target.getIntVal(), port.getContainerPort());
  }

  private static String describe(IntOrString value) {
    return value.getStrVal() != null
        ? "'" + value.getStrVal() + "'"
        : String.valueOf(value.getIntVal());
  }
}
