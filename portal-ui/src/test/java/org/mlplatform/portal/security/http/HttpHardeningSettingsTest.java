package org.mlplatform.portal.security.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Defaults and validation of the settings, read from a MicroProfile Config. */
class HttpHardeningSettingsTest {

  private static Config config(Map<String, String> values) {
    return FakeExchange.fake(
        Config.class,
        (method, args) -> {
          if (method.equals("getOptionalValue") && args[1] == String.class) {
            return Optional.ofNullable(values.get((String) args[0]));
          }
          throw new UnsupportedOperationException(method);
        });
  }

  @Test
  void defaultsAreLocalHostsNoCorsEightMebibytesAndPlainHttp() {
    HttpHardeningSettings settings = HttpHardeningSettings.load(config(Map.of()));

    assertThat(settings.hosts().allows("localhost:8080")).isTrue();
    assertThat(settings.hosts().allows("evil.example")).isFalse();
    assertThat(settings.corsOrigins().isEmpty()).isTrue();
    assertThat(settings.apiMaxBodyBytes()).isEqualTo(8L << 20);
    assertThat(settings.apiMaxJsonDepth()).isEqualTo(64);
    assertThat(settings.httpsPublicUrl()).isFalse();
  }

  @Test
  void readsEverySetting() {
    HttpHardeningSettings settings =
        HttpHardeningSettings.load(
            config(
                Map.of(
                    "mlp.public-url", "https://mlp.example.com/",
                    "mlp.allowed-hosts", "api.example.com",
                    "mlp.cors.origins", "https://app.example.com",
                    "mlp.api.max-body-bytes", "1048576",
                    "mlp.api.max-json-depth", "32")));

    assertThat(settings.hosts().allows("mlp.example.com")).as("the public URL's host").isTrue();
    assertThat(settings.hosts().allows("api.example.com")).isTrue();
    assertThat(settings.corsOrigins().allows("https://app.example.com")).isTrue();
    assertThat(settings.apiMaxBodyBytes()).isEqualTo(1_048_576);
    assertThat(settings.apiMaxJsonDepth()).isEqualTo(32);
    assertThat(settings.httpsPublicUrl()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "8MB", "1.5"})
  void aBadBodyLimitStopsStartUpNamingTheSetting(String value) {
    assertThatThrownBy(
            () -> HttpHardeningSettings.load(config(Map.of("mlp.api.max-body-bytes", value))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MLP_API_MAX_BODY_BYTES")
        .hasMessageContaining("'" + value + "'");
  }

  @Test
  void theDepthLimitStaysWithinTheParsersOwn() {
    assertThatThrownBy(
            () -> HttpHardeningSettings.load(config(Map.of("mlp.api.max-json-depth", "5000"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MLP_API_MAX_JSON_DEPTH")
        .hasMessageContaining("from 1 to 1000");
  }
}
