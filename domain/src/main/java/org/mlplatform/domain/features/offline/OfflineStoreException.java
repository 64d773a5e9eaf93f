package org.mlplatform.domain.features.offline;

/**
 * The offline store failed for a reason of its own (database unreachable, SQL error): a server
 * fault, never the caller's input, which is validated before it reaches the store.
 */
public class OfflineStoreException extends RuntimeException {

  public OfflineStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
