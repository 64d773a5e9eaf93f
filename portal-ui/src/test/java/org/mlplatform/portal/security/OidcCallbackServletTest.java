package org.mlplatform.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Protects the login callback against open redirects: after sign-in it only ever sends the browser
 * to a path on this portal, never to another host.
 */
class OidcCallbackServletTest {

  @ParameterizedTest
  @ValueSource(strings = {"/", "/models?x=1", "/tasks/42#details"})
  void keepsLocalPaths(String path) {
    assertThat(OidcCallbackServlet.safeReturnPath(path)).isEqualTo(path);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "https://evil.example",
        "//evil.example",
        "//evil.example/models",
        "/\\evil.example",
        "\\\\evil.example",
        "javascript:alert(1)",
        "models"
      })
  void sendsEverythingElseHome(String returnTo) {
    assertThat(OidcCallbackServlet.safeReturnPath(returnTo)).isEqualTo("/");
  }
}
