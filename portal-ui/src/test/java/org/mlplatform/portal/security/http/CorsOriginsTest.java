package org.mlplatform.portal.security.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CORS allow-list setting: exact origins only. */
class CorsOriginsTest {

  @Test
  void matchesExactOriginsWhateverTheCaseOrTrailingSlash() {
    CorsOrigins origins = CorsOrigins.parse("https://App.example.com/, http://localhost:3000");

    assertThat(origins.allows("https://app.example.com")).isTrue();
    assertThat(origins.allows("http://localhost:3000")).isTrue();
    assertThat(origins.allows("http://app.example.com")).as("other scheme").isFalse();
    assertThat(origins.allows("https://app.example.com:8443")).as("other port").isFalse();
    assertThat(origins.allows("https://evil.app.example.com")).isFalse();
    assertThat(origins.allows("null")).isFalse();
    assertThat(origins.allows(null)).isFalse();
  }

  @Test
  void unsetMeansNone() {
    assertThat(CorsOrigins.parse(null).isEmpty()).isTrue();
    assertThat(CorsOrigins.parse(" , ").isEmpty()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"*", "app.example.com", "https://app.example.com/path", "ftp://x"})
  void wildcardsAndNonOriginsStopStartUp(String entry) {
    assertThatThrownBy(() -> CorsOrigins.parse("https://ok.example.com," + entry))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MLP_CORS_ORIGINS")
        .hasMessageContaining(entry);
  }
}
