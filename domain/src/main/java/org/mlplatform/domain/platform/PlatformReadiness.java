package org.mlplatform.domain.platform;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tracks the start-up of each {@link Component}. The platform is ready only when every component
 * has started and none has failed; a failure is kept with its message so the health endpoint can
 * say what went wrong. Thread-safe: start-up runs on a worker thread while health checks read.
 */
public final class PlatformReadiness {

  /** The state of one component. */
  public enum State {
    STARTING,
    UP,
    FAILED
  }

  /** A component's state and, when it failed, why. */
  public record Status(State state, String detail) {}

  private final Map<Component, Status> statuses = new EnumMap<>(Component.class);

  public PlatformReadiness() {
    for (Component c : Component.values()) {
      statuses.put(c, new Status(State.STARTING, null));
    }
  }

  public synchronized void markUp(Component component, String detail) {
    statuses.put(component, new Status(State.UP, detail));
  }

  public synchronized void markFailed(Component component, String reason) {
    statuses.put(component, new Status(State.FAILED, reason));
  }

  public synchronized boolean isReady() {
    return statuses.values().stream().allMatch(s -> s.state() == State.UP);
  }

  public synchronized Optional<Component> firstFailure() {
    return statuses.entrySet().stream()
        .filter(e -> e.getValue().state() == State.FAILED)
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** A copy of every component's status, in declaration order. */
  public synchronized Map<Component, Status> snapshot() {
    return new EnumMap<>(statuses);
  }
}
