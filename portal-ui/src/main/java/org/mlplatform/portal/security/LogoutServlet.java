package org.mlplatform.portal.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mlplatform.domain.audit.Outcome;
import org.mlplatform.portal.audit.AuditRecorder;
import org.mlplatform.portal.config.PlatformSettings;

/**
 * Ends the portal session and then the identity provider's session (RP-initiated logout), so the
 * next visit asks for the password again.
 */
@WebServlet(name = "logout", urlPatterns = "/logout")
public class LogoutServlet extends HttpServlet {

  @Inject private PlatformSettings settings;
  @Inject private OidcProvider provider;
  @Inject private AuditRecorder audit;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    RequestIds.assign(req, res);
    HttpSession session = req.getSession(false);
    PortalLogin login =
        session == null ? null : (PortalLogin) session.getAttribute(PortalLogin.SESSION_ATTRIBUTE);
    if (session != null) {
      session.invalidate();
    }
    String home = settings.publicUrl() + "/";
    if (login == null) {
      res.sendRedirect(home);
      return;
    }
    audit.record(login.user(), "portal.logout", "portal", "signed out", Outcome.SUCCESS, req);
    OidcProvider.Endpoints endpoints = provider.endpoints();
    if (endpoints.endSession() == null) {
      res.sendRedirect(home);
      return;
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("id_token_hint", login.idToken());
    params.put("post_logout_redirect_uri", home);
    params.put("client_id", settings.oidcClientId());
    res.sendRedirect(endpoints.endSession() + "?" + PortalLoginFilter.formEncode(params));
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    doGet(req, res);
  }
}
