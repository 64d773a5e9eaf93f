package org.mlplatform.domain.monitoring.alerts;

/**
 * An alert cannot make the change asked for in its present status (acknowledging a resolved alert),
 * or someone else changed it meanwhile: a conflict with the alert's state, which REST answers with
 * 409. Reloading the alert shows where it is now.
 */
public class AlertTransitionException extends RuntimeException {

  public AlertTransitionException(String message) {
    super(message);
  }
}
