package org.mlplatform.portal.security.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.portal.security.http.FilterFixture.ALLOWED_ORIGIN;
import static org.mlplatform.portal.security.http.FilterFixture.run;

import org.junit.jupiter.api.Test;
import org.mlplatform.portal.security.http.FilterFixture.Downstream;

/** CORS for the API: preflights answered before any token check, allowed origins only. */
class CorsPolicyTest {

  private FakeExchange preflight(String origin) {
    return FakeExchange.request("OPTIONS", "/api/v1/models")
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization, content-type");
  }

  @Test
  void aPreflightFromAnAllowedOriginIsAnsweredWithoutAToken() throws Exception {
    FakeExchange preflight = preflight(ALLOWED_ORIGIN);

    Downstream downstream = run(preflight);

    assertThat(downstream.ran()).as("the bearer-token filter is not reached").isFalse();
    assertThat(preflight.status()).isEqualTo(204);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
    assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST", "DELETE");
    assertThat(preflight.header("Access-Control-Allow-Headers"))
        .contains("Authorization", "Content-Type", "X-Request-Id");
    assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("600");
    assertThat(preflight.header("Vary")).contains("Origin");
  }

  @Test
  void aPreflightFromAnotherOriginIs403NamingIt() throws Exception {
    FakeExchange preflight = preflight("https://evil.example");

    Downstream downstream = run(preflight);

    assertThat(downstream.ran()).isFalse();
    assertThat(preflight.status()).isEqualTo(403);
    assertThat(preflight.json().getString("error")).contains("'https://evil.example'");
    assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void aRequestFromAnAllowedOriginMayReadTheAnswer() throws Exception {
    FakeExchange call =
        FakeExchange.request("GET", "/api/v1/models").header("Origin", ALLOWED_ORIGIN);

    assertThat(run(call).ran()).isTrue();
    assertThat(call.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
    assertThat(call.header("Access-Control-Expose-Headers")).contains("X-Request-Id");
    assertThat(call.header("Vary")).isEqualTo("Origin");
  }

  @Test
  void aRequestFromAnotherOriginGetsNoCorsHeaders() throws Exception {
    FakeExchange call =
        FakeExchange.request("GET", "/api/v1/models").header("Origin", "https://evil.example");

    assertThat(run(call).ran()).isTrue();
    assertThat(call.header("Access-Control-Allow-Origin")).isNull();
    assertThat(call.header("Access-Control-Expose-Headers")).isNull();
  }

  @Test
  void aPlainOptionsRequestIsNotAPreflight() throws Exception {
    FakeExchange options =
        FakeExchange.request("OPTIONS", "/api/v1/models").header("Origin", ALLOWED_ORIGIN);

    assertThat(run(options).ran()).isTrue();
  }

  @Test
  void thePortalHasNoCors() throws Exception {
    FakeExchange page = FakeExchange.request("GET", "/").header("Origin", ALLOWED_ORIGIN);

    run(page);

    assertThat(page.header("Access-Control-Allow-Origin")).isNull();
  }
}
