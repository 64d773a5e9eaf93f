package org.mlplatform.serving.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mlplatform.domain.serving.Deployment;

/**
 * What a deployment serves right now.
 *
 * @param versions the loaded versions with the route each takes; empty while loading or failed
 * @param lastError why the latest load failed, when it did; what served before keeps serving
 */
public record DeploymentStatus(
    Deployment deployment,
    State state,
    List<ServedVersion> versions,
    Optional<String> lastError,
    Instant since) {

  public enum State {
    LOADING,
    READY,
    FAILED
  }

  /** A version being served and its share of the traffic in percent (shadow: a copy, 0). */
  public record ServedVersion(int version, Route route, int percent) {}

  public boolean ready() {
    return state == State.READY;
  }
}
