package org.mlplatform.serving.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.serving.Deployment;
import org.mlplatform.serving.engine.DeploymentStatus.State;

/** One deployed model: its current routing table, its status and its traffic. */
final class ServedModel {

  private final ResourceName model;
  private final TrafficWindow traffic;
  private volatile Routing routing;
  private volatile Deployment deployment;
  private volatile DeploymentStatus status;

  ServedModel(ResourceName model, Deployment deployment, Clock clock) {
    this.model = model;
    this.deployment = deployment;
    this.traffic = new TrafficWindow(clock);
    this.status =
        new DeploymentStatus(
            deployment, State.LOADING, List.of(), Optional.empty(), clock.instant());
  }

  Routing routing() {
    return routing;
  }

  Deployment deployment() {
    return deployment;
  }

  DeploymentStatus status() {
    return status;
  }

  TrafficWindow traffic() {
    return traffic;
  }

  ResourceName model() {
    return model;
  }

  /** Publishes a new table; callers serialise swaps on this object. */
  void swap(Routing next, Instant at) {
    routing = next;
    if (next != null) {
      deployment = next.deployment;
      status =
          new DeploymentStatus(next.deployment, State.READY, next.served(), Optional.empty(), at);
    }
  }

  /** A load failed: the current table, if any, keeps serving and the reason is kept. */
  void failed(Deployment attempted, String reason, Instant at) {
    Routing current = routing;
    if (current == null) {
      deployment = attempted;
      status = new DeploymentStatus(attempted, State.FAILED, List.of(), Optional.of(reason), at);
    } else {
      status =
          new DeploymentStatus(
              current.deployment, State.READY, current.served(), Optional.of(reason), at);
    }
  }
}
