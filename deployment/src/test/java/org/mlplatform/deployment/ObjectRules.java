package org.mlplatform.deployment;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Names and namespaces: what the API server checks on every object. */
final class ObjectRules {

  /** DNS-1123 subdomain: most object names. */
  private static final Pattern SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  /** DNS-1035 label: Service and Namespace names, which become DNS labels. */
  private static final Pattern LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

  private ObjectRules() {}

  static void check(ManifestSet set, Problems problems) {
    List<String> namespaces = set.all(Namespace.class).map(n -> n.getMetadata().getName()).toList();
    Map<String, Manifest> seen = new HashMap<>();
    for (Manifest m : set.manifests()) {
      String name = m.name();
      if (name == null || name.isEmpty()) {
        problems.add(m, "metadata.name", "is required");
        continue;
      }
      boolean dnsLabel = m.object() instanceof Service || m.object() instanceof Namespace;
      Pattern rule = dnsLabel ? LABEL : SUBDOMAIN;
      if (!rule.matcher(name).matches() || name.length() > (dnsLabel ? 63 : 253)) {
        problems.add(m, "metadata.name", "'" + name + "' is not a valid DNS name for its kind");
      }
      if (!(m.object() instanceof Namespace)) {
        checkNamespace(m, namespaces, problems);
      }
      String key = m.object().getKind() + "/" + m.namespace() + "/" + name;
      Manifest earlier = seen.putIfAbsent(key, m);
      if (earlier != null) {
        problems.add(m, "metadata.name", "defined twice, also in " + earlier.label());
      }
    }
  }

  /** Every namespaced object is in the set's own namespace, so that references resolve. */
  private static void checkNamespace(Manifest m, List<String> namespaces, Problems problems) {
    String namespace = m.namespace();
    if (namespace == null || namespace.isEmpty()) {
      problems.add(m, "metadata.namespace", "is required (objects would land in 'default')");
    } else if (!namespaces.isEmpty() && !namespaces.contains(namespace)) {
      problems.add(
          m, "metadata.namespace", "'" + namespace + "' is not the set's Namespace " + namespaces);
    }
  }
}
