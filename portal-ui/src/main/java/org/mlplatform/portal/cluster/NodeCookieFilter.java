package org.mlplatform.portal.cluster;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;

/**
 * Names the node that holds a browser's portal session in a cookie, for the load balancer to send
 * the browser back to it: Vaadin's UI state lives in that node's memory. Clustered nodes only, and
 * only on portal pages: REST and inference calls carry tokens and go to any node.
 */
@WebFilter(filterName = "nodeCookie", urlPatterns = "/*")
public class NodeCookieFilter extends HttpFilter {

  /** The cookie the balancer's configuration ({@code deployment/nginx}) routes by. */
  public static final String COOKIE = "mlp_node";

  @Inject private ClusterSettings settings;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (settings.clustered() && isPortal(req.getRequestURI()) && !pinnedHere(req)) {
      Cookie cookie = new Cookie(COOKIE, settings.nodeName());
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
            .anyMatch(c -> COOKIE.equals(c.getName()) && settings.nodeName().equals(c.getValue()));
  }
}
