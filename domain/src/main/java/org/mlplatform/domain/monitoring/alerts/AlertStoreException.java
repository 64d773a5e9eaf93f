package org.mlplatform.domain.monitoring.alerts;

/**
 * The rule or alert store failed for a reason of its own (database unreachable, SQL error): a
 * server fault, never the caller's input.
 */
public class AlertStoreException extends RuntimeException {

  public AlertStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
