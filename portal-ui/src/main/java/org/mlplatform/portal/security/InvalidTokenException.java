package org.mlplatform.portal.security;

/** A token that must not be accepted; the message says why and is safe to show the caller. */
public class InvalidTokenException extends Exception {

  public InvalidTokenException(String message) {
    super(message);
  }
}
