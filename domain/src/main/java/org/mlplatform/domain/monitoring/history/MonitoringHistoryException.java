package org.mlplatform.domain.monitoring.history;

/**
 * The monitoring history failed for a reason of its own (database unreachable, SQL error, a model
 * that does not exist): a server fault, never the caller's input.
 */
public class MonitoringHistoryException extends RuntimeException {

  public MonitoringHistoryException(String message, Throwable cause) {
    super(message, cause);
  }
}
