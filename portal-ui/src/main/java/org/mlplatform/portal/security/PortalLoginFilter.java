package org.mlplatform.portal.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mlplatform.portal.config.PlatformSettings;

/**
 * The portal's single sign-on. A browser without a login is sent to the identity provider's login
 * page (authorisation-code flow with PKCE); a logged-in one passes on as an {@link
 * AuthenticatedRequest}. The API, the login callback, logout and the health, metrics and OpenAPI
 * endpoints (public, for probes and scrapers) are handled elsewhere.
 */
@WebFilter(filterName = "portalLogin", urlPatterns = "/*")
public class PortalLoginFilter extends HttpFilter {

  static final String CALLBACK_PATH = "/oidc/callback";

  /** Paths that are not the portal: the API, the login callback, and probes and scrapers. */
  /** Folders that are not the portal's: the folder itself and everything below it. */
  private static final List<String> NOT_PORTAL =
      List.of("/api", "/v2", "/oidc", "/health", "/metrics", "/openapi");

  /**
   * Whether a path is a portal page or resource, which needs a login. {@code /v2} itself (the
   * inference server's metadata) is as much the API's as {@code /v2/models}.
   */
  static boolean isPortal(String path) {
    return !path.equals("/logout")
        && NOT_PORTAL.stream().noneMatch(p -> path.equals(p) || path.startsWith(p + "/"));
  }

  @Inject private PlatformSettings settings;
  @Inject private OidcProvider provider;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    if (!isPortal(path)) {
      chain.doFilter(req, res);
      return;
    }
    RequestIds.assign(req, res);
    HttpSession session = req.getSession(false);
    PortalLogin login =
        session == null ? null : (PortalLogin) session.getAttribute(PortalLogin.SESSION_ATTRIBUTE);
    if (login != null) {
      chain.doFilter(new AuthenticatedRequest(req, login.user()), res);
    } else if (isPageNavigation(req)) {
      redirectToLogin(req, res, path);
    } else {
      // Background requests (Vaadin's UIDL, heartbeats) cannot follow a login page.
      JsonErrors.write(res, 401, "session expired: reload the page to log in", RequestIds.of(req));
    }
  }

  private static boolean isPageNavigation(HttpServletRequest req) {
    return "GET".equals(req.getMethod()) && req.getParameter("v-r") == null;
  }

  private void redirectToLogin(HttpServletRequest req, HttpServletResponse res, String path)
      throws IOException {
    OidcProvider.Endpoints endpoints;
    try {
      endpoints = provider.endpoints();
    } catch (IdentityProviderUnavailableException e) {
      res.setHeader("Retry-After", "5");
      res.sendError(503, "The identity provider is not reachable; try again shortly.");
      return;
    }
    String query = req.getQueryString();
    PendingLogin pending = PendingLogin.start(query == null ? path : path + "?" + query);
    PendingLogins.add(req.getSession(true), pending);
    Map<String, String> params =
        Map.of(
            "response_type", "code",
            "client_id", settings.oidcClientId(),
            "redirect_uri", callbackUri(settings),
            "scope", "openid profile email",
            "state", pending.state(),
            "nonce", pending.nonce(),
            "code_challenge", pending.codeChallenge(),
            "code_challenge_method", "S256");
    res.sendRedirect(endpoints.authorization() + "?" + formEncode(params));
  }

  static String callbackUri(PlatformSettings settings) {
    return settings.publicUrl() + CALLBACK_PATH;
  }

  static String formEncode(Map<String, String> params) {
    return params.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
