package org.mlplatform.portal.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How this node joins a cluster. The launcher (or the container's entrypoint) starts Payara Micro's
 * Hazelcast with the same members ({@code MLP_CLUSTER_MEMBERS}) or DNS name ({@code
 * MLP_CLUSTER_DNS}); without either the node runs alone.
 */
@ApplicationScoped
public class ClusterSettings {

  // Read once: the node cookie asks on every portal request, and the values cannot change.
  private final List<String> members =
      value("mlp.cluster.members")
          .map(
              v ->
                  Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
          .orElse(List.of());
  private final boolean foundByDns = value("mlp.cluster.dns").isPresent();
  private final String nodeName = value("mlp.node-name").orElseGet(ClusterSettings::hostName);

  /** The members the node was started with ({@code MLP_CLUSTER_MEMBERS}); empty when alone. */
  public List<String> members() {
    return members;
  }

  /** Whether the node was started as a member: with members, or a DNS name that finds them. */
  public boolean clustered() {
    return !members.isEmpty() || foundByDns;
  }

  /** This node's name ({@code MLP_NODE_NAME}), by default the host name. */
  public String nodeName() {
    return nodeName;
  }

  private static java.util.Optional<String> value(String key) {
    return ConfigProvider.getConfig()
        .getOptionalValue(key, String.class)
        .map(String::strip)
        .filter(v -> !v.isEmpty());
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "node";
    }
  }
}
