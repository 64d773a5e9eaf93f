package org.mlplatform.portal.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mlplatform.domain.security.PlatformUser;

/**
 * Every API call carries a bearer token from the identity provider. Without a valid one the caller
 * gets a 401 with a JSON body (never an HTML page or a login redirect); roles are checked later,
 * per resource method.
 */
@WebFilter(
    filterName = "bearerToken",
    urlPatterns = {"/api/*", "/v2/*"})
public class BearerTokenFilter extends HttpFilter {

  private static final Logger LOG = Logger.getLogger(BearerTokenFilter.class.getName());
  private static final String PREFIX = "Bearer ";

  @Inject private TokenVerifier verifier;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String requestId = RequestIds.assign(req, res);
    String header = req.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      unauthorized(
          res, "missing bearer token: send 'Authorization: Bearer <access token>'", requestId);
      return;
    }
    PlatformUser user;
    try {
      user = verifier.verifyAccessToken(header.substring(PREFIX.length()).trim());
    } catch (InvalidTokenException e) {
      unauthorized(res, "invalid bearer token: " + e.getMessage(), requestId);
      return;
    } catch (IdentityProviderUnavailableException e) {
      LOG.log(Level.WARNING, "cannot verify tokens: " + e.getMessage());
      res.setHeader("Retry-After", "5");
      JsonErrors.write(res, 503, "identity provider unavailable; try again shortly", requestId);
      return;
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "token verification failed unexpectedly [" + requestId + "]", e);
      JsonErrors.write(res, 500, "internal error", requestId);
      return;
    }
    chain.doFilter(new AuthenticatedRequest(req, user), res);
  }

  private static void unauthorized(HttpServletResponse res, String error, String requestId)
      throws IOException {
    res.setHeader("WWW-Authenticate", "Bearer realm=\"mlp\"");
    JsonErrors.write(res, HttpServletResponse.SC_UNAUTHORIZED, error, requestId);
  }
}
