package org.mlplatform.portal.security.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.portal.security.http.FilterFixture.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The headers every answer carries: portal policy, API policy, HSTS only over HTTPS. */
class SecurityHeadersTest {

  @Test
  void aPortalPageGetsVaadinsPolicyAndNoFraming() throws Exception {
    FakeExchange page = FakeExchange.request("GET", "/models");

    run(page);

    String csp = page.header("Content-Security-Policy");
    assertThat(csp)
        .contains("frame-ancestors 'none'")
        .contains("default-src 'self'")
        .contains("script-src 'self' 'unsafe-inline' 'unsafe-eval'")
        .contains("style-src 'self' 'unsafe-inline'")
        .contains("object-src 'none'")
        .doesNotContain("*");
    assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
    assertThat(page.header("Strict-Transport-Security")).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/me", "/v2/models/m/infer"})
  void anApiAnswerLoadsNothing(String path) throws Exception {
    FakeExchange call = FakeExchange.request("GET", path);

    run(call);

    assertThat(call.header("Content-Security-Policy"))
        .isEqualTo("default-src 'none'; frame-ancestors 'none'");
    assertThat(call.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(call.header("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void hstsOnlyOverHttps() throws Exception {
    FakeExchange secure = FakeExchange.request("GET", "/").secure();

    run(secure);

    assertThat(secure.header("Strict-Transport-Security")).isEqualTo("max-age=31536000");
  }
}
