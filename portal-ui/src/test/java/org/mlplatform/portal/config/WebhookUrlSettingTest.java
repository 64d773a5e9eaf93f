package org.mlplatform.portal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlSettingTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://hooks.internal:9000/mlp",
        "https://hooks.example.com/services/T000/B000/XXXX",
        " HTTPS://hooks.example.com/x?token=1 "
      })
  void acceptsHttpAndHttpsUrlsWithAHost(String value) {
    assertThat(PlatformSettings.webhookUrl(value)).isEqualTo(URI.create(value.strip()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://hooks.example.com/x?token=secret-token",
        "hooks.example.com:443/x?token=secret-token",
        "/relative?token=secret-token",
        "http:///no-host?token=secret-token",
        "file:/etc/passwd?token=secret-token",
        "http://bad host/?token=secret-token"
      })
  void refusesAnythingElseWithoutRepeatingTheUrl(String value) {
    assertThatThrownBy(() -> PlatformSettings.webhookUrl(value))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MLP_WEBHOOK_URL")
        .hasMessageNotContaining("secret-token");
  }
}
