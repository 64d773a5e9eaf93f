package org.mlplatform.portal.security.http;

/**
 * The Content-Security-Policy values. Vaadin Flow documents what it needs: scripts from its own
 * origin, its bootstrap's inline scripts, {@code 'unsafe-eval'} because the client runs the
 * JavaScript of {@code executeJs} and event expressions as constructed functions, and inline
 * styles. Everything else is closed: no plugins, no foreign origins, no framing.
 */
final class ContentSecurityPolicy {

  /** API answers are data: they load nothing and may not be framed. */
  static final String API = "default-src 'none'; frame-ancestors 'none'";

  private ContentSecurityPolicy() {}

  /**
   * The portal's policy on every response, allowing inline scripts. The bootstrap page replaces it
   * with {@link #portalWithNonce(String)}; this one stands for pages that are not Vaadin's (login
   * callback and error pages), and for the bootstrap page should the nonce listener not run.
   */
  static String portal() {
    return portal("'unsafe-inline'");
  }

  /** The bootstrap page's policy: only the inline scripts that carry this page's nonce run. */
  static String portalWithNonce(String nonce) {
    return portal("'nonce-" + nonce + "'");
  }

  private static String portal(String inlineScripts) {
    return String.join(
        "; ",
        "default-src 'self'",
        "script-src 'self' " + inlineScripts + " 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        // Vaadin's bootstrap page sets a <base href> of its own origin.
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'");
  }
}
