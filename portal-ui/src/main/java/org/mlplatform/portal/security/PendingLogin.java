package org.mlplatform.portal.security;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * One login in flight between the redirect to the provider and its callback: the state that ties
 * the callback to this browser, the nonce that ties the ID token to this login, the PKCE verifier,
 * and where to go afterwards.
 */
record PendingLogin(String state, String nonce, String codeVerifier, String returnTo)
    implements Serializable {

  private static final SecureRandom RANDOM = new SecureRandom();

  static PendingLogin start(String returnTo) {
    return new PendingLogin(random(), random(), random() + random(), returnTo);
  }

  /** The PKCE S256 challenge for the verifier. */
  String codeChallenge() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }

  private static String random() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
