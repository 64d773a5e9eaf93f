package org.mlplatform.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which paths are the portal's (a login is needed) and which belong to the API or the server. */
class PortalLoginFilterTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/v2",
        "/v2/models/fraud/ready",
        "/api",
        "/api/v1/models",
        "/oidc/callback",
        "/health",
        "/health/ready",
        "/metrics",
        "/openapi",
        "/logout"
      })
  void apiAndServerPathsAreNotThePortals(String path) {
    assertThat(PortalLoginFilter.isPortal(path)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/models", "/v2models", "/apis", "/healthy", "/audit", "/VAADIN/x"})
  void everythingElseIsThePortal(String path) {
    assertThat(PortalLoginFilter.isPortal(path)).isTrue();
  }
}
