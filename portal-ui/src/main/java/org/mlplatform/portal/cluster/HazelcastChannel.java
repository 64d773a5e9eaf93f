package org.mlplatform.portal.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/**
 * The channel over a Hazelcast instance: a topic for the messages, and a small map from member to
 * node name so that status pages name nodes as their operators do.
 */
public final class HazelcastChannel implements ClusterChannel {

  static final String TOPIC = "mlp.cluster.events";
  static final String NODE_NAMES = "mlp.cluster.nodes";

  private final HazelcastInstance hazelcast;
  private final ITopic<String> topic;
  private final IMap<String, String> nodeNames;
  private final String localName;
  private final List<UUID> listeners = new ArrayList<>();

  public HazelcastChannel(HazelcastInstance hazelcast, String localName) {
    this.hazelcast = hazelcast;
    this.topic = hazelcast.getTopic(TOPIC);
    this.nodeNames = hazelcast.getMap(NODE_NAMES);
    this.localName = localName;
    nodeNames.set(localUuid(), localName);
  }

  @Override
  public void publish(String message) {
    topic.publish(message);
  }

  @Override
  public void subscribe(Consumer<String> receiver) {
    listeners.add(
        topic.addMessageListener(
            message -> {
              if (!message.getPublishingMember().localMember()) {
                receiver.accept(message.getMessageObject());
              }
            }));
  }

  @Override
  public List<String> members() {
    List<String> names = new ArrayList<>();
    for (Member member : hazelcast.getCluster().getMembers()) {
      String name = nodeNames.get(member.getUuid().toString());
      names.add(name == null ? member.getAddress().toString() : name);
    }
    return names;
  }

  @Override
  public ConcurrentMap<String, String> sharedMap(String name) {
    return hazelcast.getMap(name);
  }

  @Override
  public String localMember() {
    return localName;
  }

  @Override
  public boolean isOldest() {
    // Hazelcast lists members oldest first, the same on every member.
    return hazelcast.getCluster().getMembers().iterator().next().localMember();
  }

  @Override
  public void close() {
    listeners.forEach(topic::removeMessageListener);
    listeners.clear();
    try {
      nodeNames.delete(localUuid());
    } catch (RuntimeException e) {
      // The instance may already be shutting down with the server; the entry then goes with it.
    }
  }

  private String localUuid() {
    return hazelcast.getCluster().getLocalMember().getUuid().toString();
  }
}
