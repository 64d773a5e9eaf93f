package org.mlplatform.portal.cluster;

import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * This node's line to the others. {@link #join} picks Payara's Hazelcast when the node was started
 * as a cluster member and runs alone otherwise; received messages are handled on the container's
 * executor, never on Hazelcast's event thread.
 */
@ApplicationScoped
public class ClusterBus {

  private static final Logger LOG = Logger.getLogger(ClusterBus.class.getName());

  /** Where Payara publishes its data grid's instance. */
  static final String HAZELCAST_JNDI = "payara/Hazelcast";

  @Inject private ClusterSettings settings;
  @Inject private ClusterInbox inbox;
  @Resource private ManagedExecutorService executor;

  private volatile ClusterChannel channel;
  private final ClusterChannel beforeJoining = ClusterChannel.alone("(joining)");

  /**
   * Joins the cluster the node was started for.
   *
   * @return the members, for the start-up log and readiness
   * @throws IllegalStateException when cluster members are configured but the grid is not running
   */
  public String join() {
    ClusterChannel joined =
        settings.clustered()
            ? new HazelcastChannel(hazelcast(), settings.nodeName())
            : ClusterChannel.alone(settings.nodeName());
    joined.subscribe(this::received);
    channel = joined;
    return describe();
  }

  /** This node and the members it sees now, as health and the start-up log show them. */
  public String describe() {
    ClusterChannel current = channel;
    if (current == null) {
      return "node " + settings.nodeName() + " not joined yet";
    }
    try {
      return settings.clustered()
          ? "node " + current.localMember() + " of " + current.members()
          : "node " + current.localMember() + " alone";
    } catch (RuntimeException e) {
      return "node " + current.localMember() + ", data grid unreachable: " + e.getMessage();
    }
  }

  /** Tells the other nodes; a failure is logged, as the change itself has committed. */
  public void publish(ClusterMessage message) {
    ClusterChannel current = channel;
    if (current == null) {
      return; // before start-up: nothing is served yet that could be stale elsewhere
    }
    try {
      current.publish(message.encode());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not tell the cluster " + message, e);
    }
  }

  /** The members, oldest first; this node alone before it joined. */
  public List<String> members() {
    ClusterChannel current = channel;
    return current == null ? List.of(settings.nodeName()) : current.members();
  }

  /** A map shared by all members ({@link ClusterChannel#sharedMap}). */
  public ConcurrentMap<String, String> sharedMap(String name) {
    ClusterChannel current = channel;
    return (current == null ? beforeJoining : current).sharedMap(name);
  }

  public String nodeName() {
    return settings.nodeName();
  }

  /** Whether this node runs the cluster's scheduled work: the oldest member does. */
  public boolean runsScheduledWork() {
    ClusterChannel current = channel;
    try {
      return current == null || current.isOldest();
    } catch (RuntimeException e) {
      // The grid is shutting down or split: skip this round rather than run it twice.
      return false;
    }
  }

  private void received(String text) {
    ClusterMessage message;
    try {
      message = ClusterMessage.decode(text);
    } catch (IllegalArgumentException e) {
      LOG.warning(() -> "ignored a cluster message this node cannot read: " + e.getMessage());
      return;
    }
    try {
      executor.execute(() -> inbox.handle(message));
    } catch (RejectedExecutionException e) {
      LOG.fine(() -> "stopping; " + message + " not handled");
    }
  }

  private static HazelcastInstance hazelcast() {
    try {
      Object found = new InitialContext().lookup(HAZELCAST_JNDI);
      if (found instanceof HazelcastInstance instance
          && instance.getLifecycleService().isRunning()) {
        return instance;
      }
      throw new IllegalStateException(
          "MLP_CLUSTER_MEMBERS is set but Payara's data grid is not running (started with"
              + " --nocluster?)");
    } catch (NamingException e) {
      throw new IllegalStateException(
          "MLP_CLUSTER_MEMBERS is set but Payara's data grid is not at " + HAZELCAST_JNDI, e);
    }
  }

  @PreDestroy
  void leave() {
    ClusterChannel current = channel;
    channel = null;
    if (current != null) {
      current.close();
    }
  }
}
