package org.mlplatform.domain.monitoring.policy;

/**
 * The monitoring policy store failed for a reason of its own (database unreachable, SQL error): a
 * server fault, never the caller's input.
 */
public class MonitoringPolicyStoreException extends RuntimeException {

  public MonitoringPolicyStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
