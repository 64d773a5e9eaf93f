package org.mlplatform.domain.models.policy;

/**
 * The policy store failed for a reason of its own (database unreachable, SQL error): a server
 * fault, never the caller's input.
 */
public class ModelPolicyStoreException extends RuntimeException {

  public ModelPolicyStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
