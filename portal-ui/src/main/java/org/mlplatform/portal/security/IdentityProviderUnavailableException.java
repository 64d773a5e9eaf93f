package org.mlplatform.portal.security;

/** The identity provider could not be reached or answered nonsense; not the caller's fault. */
public class IdentityProviderUnavailableException extends RuntimeException {

  public IdentityProviderUnavailableException(String message) {
    super(message);
  }

  public IdentityProviderUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
