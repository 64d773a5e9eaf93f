package org.mlplatform.portal.api;

import java.util.List;
import java.util.Map;
import org.mlplatform.portal.security.LogoutServlet;
import org.mlplatform.portal.security.OidcCallbackServlet;
import org.mlplatform.portal.ui.base.PortalServlet;

/**
 * Endpoints that no annotation decides about: servlets that admit callers by a rule of their own,
 * and the application server's public probes. A servlet missing from {@link #SERVLETS} fails the
 * access test until someone states its rule here (and, if it serves endpoints, adds its rows).
 */
final class AccessDecidedElsewhere {

  /** Every servlet of the web application and where its access rule lives. */
  static final Map<Class<?>, String> SERVLETS =
      Map.of(
          InferenceServlet.class,
          "the /v2 rows: BearerTokenFilter authenticates, OipEndpoint admits every platform role",
          UnknownApiPathServlet.class,
          "no endpoint of its own: unknown /api paths, behind BearerTokenFilter (401, else 404)",
          PortalServlet.class,
          "the PAGE rows: Vaadin's NavigationAccessControl (AccessControlSetup)",
          OidcCallbackServlet.class,
          "public: the login flow returns here from the identity provider",
          LogoutServlet.class,
          "public: ends the caller's own session, if any");

  private static final String OIP = "OipEndpoint";
  private static final String PROBE = "MicroProfile (PortalLoginFilter lets it pass)";

  private AccessDecidedElsewhere() {}

  /**
   * The Open Inference Protocol routes (V2Path): a token with any platform role. The same rows hold
   * on the dedicated inference port, which authenticates the same way (InferencePort).
   */
  static List<AccessRow> inferenceRows() {
    String any = AccessRow.roles(List.of(ApiRoles.ANY));
    return List.of(
        new AccessRow("GET", "/v2", AccessRow.NO_BODY, any, OIP),
        new AccessRow("GET", "/v2/health/live", AccessRow.NO_BODY, any, OIP),
        new AccessRow("GET", "/v2/health/ready", AccessRow.NO_BODY, any, OIP),
        new AccessRow("GET", "/v2/models/{name}", AccessRow.NO_BODY, any, OIP),
        new AccessRow("POST", "/v2/models/{name}/infer", "json", any, OIP),
        new AccessRow("GET", "/v2/models/{name}/ready", AccessRow.NO_BODY, any, OIP),
        new AccessRow("GET", "/v2/models/{name}/versions/{version}", AccessRow.NO_BODY, any, OIP),
        new AccessRow("POST", "/v2/models/{name}/versions/{version}/infer", "json", any, OIP),
        new AccessRow(
            "GET", "/v2/models/{name}/versions/{version}/ready", AccessRow.NO_BODY, any, OIP));
  }

  /** What needs no token: probes and scrapers, and the two ends of the portal's login flow. */
  static List<AccessRow> publicRows() {
    return List.of(
        new AccessRow("GET", "/health/live", AccessRow.NO_BODY, AccessRow.PUBLIC, PROBE),
        new AccessRow("GET", "/health/ready", AccessRow.NO_BODY, AccessRow.PUBLIC, PROBE),
        new AccessRow("GET", "/logout", AccessRow.NO_BODY, AccessRow.PUBLIC, "LogoutServlet"),
        new AccessRow("POST", "/logout", AccessRow.NO_BODY, AccessRow.PUBLIC, "LogoutServlet"),
        new AccessRow("GET", "/metrics", AccessRow.NO_BODY, AccessRow.PUBLIC, PROBE),
        new AccessRow(
            "GET", "/oidc/callback", AccessRow.NO_BODY, AccessRow.PUBLIC, "OidcCallbackServlet"),
        new AccessRow("GET", "/openapi", AccessRow.NO_BODY, AccessRow.PUBLIC, PROBE));
  }
}
