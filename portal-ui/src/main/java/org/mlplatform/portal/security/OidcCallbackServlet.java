package org.mlplatform.portal.security;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Logger;
import org.mlplatform.domain.audit.Outcome;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.audit.AuditRecorder;
import org.mlplatform.portal.config.PlatformSettings;

/**
 * Where the identity provider sends the browser after login: checks the state, exchanges the code
 * (with the PKCE verifier and the client secret) for tokens over the back channel, verifies them,
 * and starts the portal session under a fresh session id.
 */
@WebServlet(name = "oidcCallback", urlPatterns = PortalLoginFilter.CALLBACK_PATH)
public class OidcCallbackServlet extends HttpServlet {

  private static final Logger LOG = Logger.getLogger(OidcCallbackServlet.class.getName());

  @Inject private PlatformSettings settings;
  @Inject private OidcProvider provider;
  @Inject private TokenVerifier verifier;
  @Inject private AuditRecorder audit;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    RequestIds.assign(req, res);
    HttpSession session = req.getSession(false);
    if (req.getParameter("error") != null) {
      // The provider's description is logged, never echoed: it arrives in the URL, from anyone.
      LOG.warning(
          () -> "login failed at the identity provider: " + req.getParameter("error_description"));
      res.sendError(400, "Login failed at the identity provider. Open the portal to try again.");
      return;
    }
    PendingLogin pending =
        session == null
            ? null
            : PendingLogins.take(session, req.getParameter("state")).orElse(null);
    if (pending == null || req.getParameter("code") == null) {
      res.sendError(400, "This login link has expired or was already used. Open the portal again.");
      return;
    }
    try {
      JsonObject tokens = exchange(req.getParameter("code"), pending);
      JWTClaimsSet idClaims = verifier.verifyIdToken(tokens.getString("id_token"), pending.nonce());
      PlatformUser user = verifier.verifyAccessToken(tokens.getString("access_token"));
      if (!idClaims.getSubject().equals(accessSubject(tokens.getString("access_token")))) {
        throw new InvalidTokenException("ID token and access token name different users");
      }
      req.changeSessionId(); // no session fixation across the login
      req.getSession()
          .setAttribute(
              PortalLogin.SESSION_ATTRIBUTE, PortalLogin.of(user, tokens.getString("id_token")));
      audit.record(user, "portal.login", "portal", "signed in to the portal", Outcome.SUCCESS, req);
      res.sendRedirect(safeReturnPath(pending.returnTo()));
    } catch (InvalidTokenException | java.text.ParseException e) {
      LOG.warning(() -> "portal login refused: " + e.getMessage());
      res.sendError(401, "Login refused: " + e.getMessage());
    }
  }

  private JsonObject exchange(String code, PendingLogin pending) throws InvalidTokenException {
    String form =
        PortalLoginFilter.formEncode(
            Map.of(
                "grant_type", "authorization_code",
                "code", code,
                "redirect_uri", PortalLoginFilter.callbackUri(settings),
                "code_verifier", pending.codeVerifier(),
                "client_id", settings.oidcClientId(),
                "client_secret", settings.oidcClientSecret()));
    HttpRequest request =
        HttpRequest.newBuilder(provider.endpoints().token())
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      HttpResponse<String> response =
          provider.http().send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new InvalidTokenException("code exchange answered " + response.statusCode());
      }
      try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
        return reader.readObject();
      }
    } catch (IOException e) {
      throw new IdentityProviderUnavailableException("token endpoint unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IdentityProviderUnavailableException("interrupted during code exchange", e);
    }
  }

  /** The subject of an access token that {@link TokenVerifier} has already verified. */
  private static String accessSubject(String accessToken) throws java.text.ParseException {
    return com.nimbusds.jwt.SignedJWT.parse(accessToken).getJWTClaimsSet().getSubject();
  }

  /**
   * Only paths on this site: never an absolute or protocol-relative URL (open redirect), and no
   * control characters, which browsers drop ({@code /\t/evil} would become {@code //evil}).
   */
  static String safeReturnPath(String returnTo) {
    if (returnTo == null
        || !returnTo.startsWith("/")
        || returnTo.startsWith("//")
        || returnTo.contains("\\")
        || returnTo.chars().anyMatch(Character::isISOControl)) {
      return "/";
    }
    return returnTo;
  }
}
