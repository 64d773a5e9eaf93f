package org.mlplatform.portal.security.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The headers every response carries, set before anything downstream can answer. */
final class SecurityHeaders {

  static final String CSP = "Content-Security-Policy";
  static final String HSTS = "Strict-Transport-Security";

  /** One year; subdomains are left to their owners. */
  static final String HSTS_VALUE = "max-age=31536000";

  private SecurityHeaders() {}

  static void apply(HttpServletRequest request, HttpServletResponse response, boolean api) {
    response.setHeader(CSP, api ? ContentSecurityPolicy.API : ContentSecurityPolicy.portal());
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    // Only over HTTPS: a browser ignores HSTS on plain HTTP, and it must not pin a test set-up.
    if (request.isSecure()) {
      response.setHeader(HSTS, HSTS_VALUE);
    }
  }
}
