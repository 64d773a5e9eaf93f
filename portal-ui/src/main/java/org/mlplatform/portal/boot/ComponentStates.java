package org.mlplatform.portal.boot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import org.mlplatform.domain.platform.Component;
import org.mlplatform.domain.platform.PlatformReadiness;
import org.mlplatform.domain.platform.PlatformReadiness.State;
import org.mlplatform.domain.platform.PlatformReadiness.Status;
import org.mlplatform.portal.cluster.ClusterBus;

/**
 * Each component's state as health and the home page show it: what its start-up said, except the
 * cluster, whose members are shown as they are now (nodes come and go after the start).
 */
@ApplicationScoped
public class ComponentStates {

  @Inject private PlatformReadiness readiness;
  @Inject private ClusterBus cluster;

  public Map<Component, Status> now() {
    Map<Component, Status> states = new EnumMap<>(readiness.snapshot());
    Status clusterState = states.get(Component.CLUSTER);
    if (clusterState != null && clusterState.state() == State.UP) {
      states.put(Component.CLUSTER, new Status(State.UP, cluster.describe()));
    }
    return states;
  }

  public boolean ready() {
    return readiness.isReady();
  }
}
