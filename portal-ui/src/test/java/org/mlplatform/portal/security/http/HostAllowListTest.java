package org.mlplatform.portal.security.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which Host headers are served: the embedded default, an explicit list, and any host. */
class HostAllowListTest {

  private final HostAllowList embedded = HostAllowList.of(null, "localhost", Set.of("build-box-7"));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost",
        "localhost:18080",
        "LOCALHOST",
        "127.0.0.1:8080",
        "[::1]:8080",
        "[::1]",
        "build-box-7",
        "build-box-7:8080",
        "localhost."
      })
  void theEmbeddedDefaultIsThisMachine(String host) {
    assertThat(embedded.allows(host)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "evil.example",
        "evil.example:8080",
        "localhost.evil.example",
        "127.0.0.2",
        "",
        "local host",
        "[::1",
        "localhost\r\nX-Injected: 1"
      })
  void otherHostsAreNot(String host) {
    assertThat(embedded.allows(host)).isFalse();
  }

  @Test
  void anExplicitListKeepsLoopbackAndThePublicHostAndIgnoresPorts() {
    HostAllowList list =
        HostAllowList.of(" mlp.example.com:443 , api.example.com ", "portal.example.com", Set.of());

    assertThat(list.allows("mlp.example.com")).isTrue();
    assertThat(list.allows("api.example.com:8443")).isTrue();
    assertThat(list.allows("portal.example.com")).isTrue();
    assertThat(list.allows("localhost:8080")).isTrue();
    assertThat(list.allows("evil.example")).isFalse();
  }

  @Test
  void anExplicitListLeavesOutTheMachineName() {
    assertThat(HostAllowList.of("mlp.example.com", "localhost", Set.of("build-box-7")).hosts())
        .doesNotContain("build-box-7");
  }

  @Test
  void aStarAllowsAnyHost() {
    assertThat(HostAllowList.of("*", "localhost", Set.of()).allows("anything.example:1")).isTrue();
  }

  @Test
  void noHostHeaderIsHttp10AndPasses() {
    assertThat(embedded.allows(null)).isTrue();
  }

  @Test
  void aMalformedEntryStopsStartUpNamingIt() {
    assertThatThrownBy(() -> HostAllowList.of("mlp.example.com, not a host", "localhost", Set.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MLP_ALLOWED_HOSTS")
        .hasMessageContaining("'not a host'");
  }
}
