package org.mlplatform.portal.cluster;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;

/**
 * Names the node that holds a browser's portal session in a cookie, for the load balancer to send
 * the browser back to it: Vaadin's UI state lives in that node's memory. Clustered nodes only, and
 * only on portal pages: REST and inference calls carry tokens and go to any node. Registered by
 * {@link NodeCookieSetup} ahead of the login filter, whose redirect to Keycloak must carry it: the
 * login's callback has to come back to the node that holds the login's state.
 */
public class NodeCookieFilter extends HttpFilter {

  /** The cookie the balancer's configuration ({@code deployment/nginx}) routes by. */
  public static final String COOKIE = "mlp_node";

  private final String nodeName;

  NodeCookieFilter(String nodeName) {
    this.nodeName = nodeName;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (isPortal(req.getRequestURI()) && !pinnedHere(req)) {
      Cookie cookie = new Cookie(COOKIE, nodeName);
      cookie.setPath("/");
      cookie.setHttpOnly(true);
      cookie.setSecure(req.isSecure());
      cookie.setAttribute("SameSite", "Lax");
      res.addCookie(cookie);
    }
    chain.doFilter(req, res);
  }

  static boolean isPortal(String path) {
    return !(path.startsWith("/api/")
        || path.equals("/v2")
        || path.startsWith("/v2/")
        || path.startsWith("/health")
        || path.startsWith("/metrics")
        || path.startsWith("/openapi"));
  }

  private boolean pinnedHere(HttpServletRequest req) {
    Cookie[] cookies = req.getCookies();
    return cookies != null
        && Arrays.stream(cookies)
            .anyMatch(c -> COOKIE.equals(c.getName()) && nodeName.equals(c.getValue()));
  }
}
