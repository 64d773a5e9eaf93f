package org.mlplatform.domain.serving;

/**
 * The prediction log failed for a reason of its own (database unreachable, SQL error): a server
 * fault, never the caller's input.
 */
public class PredictionLogException extends RuntimeException {

  public PredictionLogException(String message, Throwable cause) {
    super(message, cause);
  }
}
