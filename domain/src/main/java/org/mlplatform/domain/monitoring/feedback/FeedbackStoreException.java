package org.mlplatform.domain.monitoring.feedback;

/**
 * The feedback store failed for a reason of its own (database unreachable, SQL error): a server
 * fault, never the caller's input.
 */
public class FeedbackStoreException extends RuntimeException {

  public FeedbackStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
