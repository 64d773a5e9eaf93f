package org.mlplatform.portal.security.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Cross-origin access to the API for the allowed origins only. A preflight is answered here, before
 * the bearer-token check (browsers send preflights without credentials); an actual request from an
 * allowed origin gets the headers that let its page read the answer, one from any other origin gets
 * none, so its page cannot.
 */
final class CorsPolicy {

  static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
  static final String ALLOW_METHODS = "Access-Control-Allow-Methods";
  static final String ALLOW_HEADERS = "Access-Control-Allow-Headers";
  static final String MAX_AGE = "Access-Control-Max-Age";
  static final String EXPOSE_HEADERS = "Access-Control-Expose-Headers";
  static final String REQUEST_METHOD = "Access-Control-Request-Method";

  static final String METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE";
  static final String HEADERS = "Authorization, Content-Type, X-Request-Id, X-Routing-Key";
  static final String EXPOSED =
      "X-Request-Id, Location, Retry-After, WWW-Authenticate, X-Prediction-Id, X-Model-Version,"
          + " X-Route";

  /** Ten minutes: browsers cap it anyway (Chromium at two hours). */
  static final String MAX_AGE_SECONDS = "600";

  private final CorsOrigins origins;

  CorsPolicy(CorsOrigins origins) {
    this.origins = origins;
  }

  static boolean isPreflight(HttpServletRequest request) {
    return "OPTIONS".equals(request.getMethod())
        && request.getHeader("Origin") != null
        && request.getHeader(REQUEST_METHOD) != null;
  }

  /** Answers a preflight: 204 with the allowed methods and headers, or 403 naming the origin. */
  void answerPreflight(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String origin = request.getHeader("Origin");
    response.addHeader(
        "Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
    if (!origins.allows(origin)) {
      HttpErrors.write(
          request,
          response,
          HttpServletResponse.SC_FORBIDDEN,
          "origin '"
              + HttpErrors.echo(origin)
              + "' may not call this API from a browser; allowed origins are set with"
              + " MLP_CORS_ORIGINS");
      return;
    }
    response.setHeader(ALLOW_ORIGIN, origin);
    response.setHeader(ALLOW_METHODS, METHODS);
    response.setHeader(ALLOW_HEADERS, HEADERS);
    response.setHeader(MAX_AGE, MAX_AGE_SECONDS);
    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }

  /** The CORS headers of an actual (non-preflight) request. */
  void decorate(HttpServletRequest request, HttpServletResponse response) {
    if (origins.isEmpty()) {
      return; // no answer ever differs by origin
    }
    response.addHeader("Vary", "Origin");
    String origin = request.getHeader("Origin");
    if (origins.allows(origin)) {
      response.setHeader(ALLOW_ORIGIN, origin);
      response.setHeader(EXPOSE_HEADERS, EXPOSED);
    }
  }
}
