package org.mlplatform.domain.features.online;

/**
 * The online store failed for a reason of its own (database unreachable, SQL error): a server
 * fault, never the caller's input.
 */
public class OnlineStoreException extends RuntimeException {

  public OnlineStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
