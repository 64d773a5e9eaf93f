package org.mlplatform.portal.security.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.portal.security.http.FilterFixture.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlplatform.portal.security.http.FilterFixture.Downstream;

/**
 * The Host allow-list in the filter: our hosts pass, others get a 421 naming the host, probes pass.
 */
class HostCheckTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost:8080",
        "127.0.0.1",
        "[::1]:8080",
        "mlp.example.com",
        "MLP.Example.com:443"
      })
  void ourHostsPass(String host) throws Exception {
    assertThat(run(FakeExchange.request("GET", "/api/v1/me").header("Host", host)).ran()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/me", "/models", "/v2/health/ready"})
  void aForeignHostIs421NamingIt(String path) throws Exception {
    FakeExchange call = FakeExchange.request("GET", path).header("Host", "evil.example:8080");

    Downstream downstream = run(call);

    assertThat(downstream.ran()).isFalse();
    assertThat(call.status()).isEqualTo(421);
    assertThat(call.json().getString("error")).contains("'evil.example:8080'");
    assertThat(call.header("X-Frame-Options")).isEqualTo("DENY");
  }

  @Test
  void probesAnswerWhateverTheHost() throws Exception {
    FakeExchange probe =
        FakeExchange.request("GET", "/health/ready").header("Host", "10.1.2.3:8080");

    assertThat(run(probe).ran()).isTrue();
  }
}
