package org.mlplatform.portal.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/** How messages reach the other nodes, and who they are. */
public interface ClusterChannel extends AutoCloseable {

  /** Sends to every other member; never blocks on them. */
  void publish(String message);

  /** Receives what other members publish (not this member's own messages). */
  void subscribe(Consumer<String> receiver);

  /** The members' names, this one included, oldest first. */
  List<String> members();

  /** This member's name. */
  String localMember();

  /**
   * A map every member reads and writes, by name: small shared state such as counters. Alone, a map
   * of this node's own.
   */
  ConcurrentMap<String, String> sharedMap(String name);

  /** Whether this member is the oldest, which runs the cluster's scheduled work. */
  default boolean isOldest() {
    List<String> members = members();
    return members.isEmpty() || members.getFirst().equals(localMember());
  }

  @Override
  void close();

  /** A node on its own: nothing to tell, and it runs all scheduled work. */
  static ClusterChannel alone(String name) {
    Map<String, ConcurrentMap<String, String>> maps = new ConcurrentHashMap<>();
    return new ClusterChannel() {
      @Override
      public ConcurrentMap<String, String> sharedMap(String mapName) {
        return maps.computeIfAbsent(mapName, n -> new ConcurrentHashMap<>());
      }

      @Override
      public void publish(String message) {}

      @Override
      public void subscribe(Consumer<String> receiver) {}

      @Override
      public List<String> members() {
        return List.of(name);
      }

      @Override
      public String localMember() {
        return name;
      }

      @Override
      public void close() {}
    };
  }
}
