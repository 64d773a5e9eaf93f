package org.mlplatform.portal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two real Hazelcast members on loopback, joined by explicit addresses as the launcher joins
 * Payara's nodes: messages reach the other member only, a shared map is one map, and the oldest
 * member is the one that runs scheduled work until it leaves.
 */
class HazelcastChannelTest {

  private static final int FIRST_PORT = 5791;

  private final String cluster = "mlp-test-" + UUID.randomUUID();
  private final List<HazelcastInstance> started = new CopyOnWriteArrayList<>();

  @AfterEach
  void shutDown() {
    started.forEach(HazelcastInstance::shutdown);
  }

  @Test
  void messagesGoToTheOtherMembersAndTheOldestRunsScheduledWork() {
    HazelcastChannel first = new HazelcastChannel(member(), "node-1");
    HazelcastChannel second = new HazelcastChannel(member(), "node-2");
    List<String> firstGot = new CopyOnWriteArrayList<>();
    List<String> secondGot = new CopyOnWriteArrayList<>();
    first.subscribe(firstGot::add);
    second.subscribe(secondGot::add);

    waitUntil(30, () -> first.members().size() == 2);
    assertThat(first.members()).containsExactly("node-1", "node-2");
    assertThat(second.members()).containsExactly("node-1", "node-2");
    assertThat(first.isOldest()).isTrue();
    assertThat(second.isOldest()).isFalse();

    String alias = ClusterMessage.of(ClusterMessage.Kind.ALIAS_MOVED, "fraud", "champion").encode();
    first.publish(alias);
    second.publish("from the second");

    waitUntil(10, () -> secondGot.contains(alias));
    waitUntil(10, () -> firstGot.contains("from the second"));
    assertThat(firstGot).as("a member does not hear itself").doesNotContain(alias);
    assertThat(secondGot).doesNotContain("from the second");

    first.sharedMap("mlp.test").put("node-1@1|fraud:2", "40,2,4000,1");
    assertThat(second.sharedMap("mlp.test")).containsEntry("node-1@1|fraud:2", "40,2,4000,1");
    assertThat(ClusterChannel.alone("n").sharedMap("mlp.test")).isEmpty();

    first.close();
    started.getFirst().shutdown();
    waitUntil(30, second::isOldest);
    assertThat(second.members()).containsExactly("node-2");
  }

  private static void waitUntil(int seconds, java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + seconds + " s");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private HazelcastInstance member() {
    Config config = new Config();
    config.setClusterName(cluster);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "jdk");
    config.getNetworkConfig().setPort(FIRST_PORT).setPortAutoIncrement(true).setPortCount(2);
    config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig join = config.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig()
        .setEnabled(true)
        .addMember("127.0.0.1:" + FIRST_PORT)
        .addMember("127.0.0.1:" + (FIRST_PORT + 1));
    HazelcastInstance instance = Hazelcast.newHazelcastInstance(config);
    started.add(instance);
    return instance;
  }
}
