package org.mlplatform.portal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretValuesTest {

  private static final String KEY = "mlp.webhook.secret";
  private static final String SECRET = "s3cr3t-hmac-key";

  @TempDir Path folder;
  private final Map<String, String> settings = new HashMap<>();
  private final SecretValues secrets =
      new SecretValues(key -> Optional.ofNullable(settings.get(key)).filter(v -> !v.isBlank()));

  @Test
  void takesTheValueGivenDirectly() {
    settings.put(KEY, SECRET);

    assertThat(secrets.value(KEY)).contains(SECRET);
  }

  @Test
  void readsTheFileTheFileSettingNamesTrimmed() throws Exception {
    Path file = Files.writeString(folder.resolve("webhook-secret"), "  " + SECRET + "\n\n");
    settings.put(KEY + ".file", file.toString());

    assertThat(secrets.value(KEY)).contains(SECRET);
  }

  @Test
  void readsTheFileAgainOnEveryCall() throws Exception {
    Path file = Files.writeString(folder.resolve("webhook-secret"), "first");
    settings.put(KEY + ".file", file.toString());
    assertThat(secrets.value(KEY)).contains("first");

    Files.writeString(file, "rotated");

    assertThat(secrets.value(KEY)).contains("rotated");
  }

  @Test
  void isAbsentWhenNeitherFormIsGiven() {
    settings.put(KEY, "   ");

    assertThat(secrets.value(KEY)).isEmpty();
  }

  @Test
  void refusesBothFormsWithoutShowingEither() throws Exception {
    Path file = Files.writeString(folder.resolve("webhook-secret"), "from-the-file");
    settings.put(KEY, SECRET);
    settings.put(KEY + ".file", file.toString());

    assertThatThrownBy(() -> secrets.value(KEY))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MLP_WEBHOOK_SECRET")
        .hasMessageContaining("MLP_WEBHOOK_SECRET_FILE")
        .hasMessageNotContaining(SECRET)
        .hasMessageNotContaining("from-the-file");
  }

  @Test
  void namesAMissingFile() {
    Path missing = folder.resolve("absent");
    settings.put("mlp.oidc.client-secret.file", missing.toString());

    assertThatThrownBy(() -> secrets.value("mlp.oidc.client-secret"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MLP_OIDC_CLIENT_SECRET_FILE")
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
  }

  @Test
  void refusesAnEmptyFile() throws Exception {
    Path empty = Files.writeString(folder.resolve("empty"), " \n");
    settings.put(KEY + ".file", empty.toString());

    assertThatThrownBy(() -> secrets.value(KEY)).hasMessageContaining("is empty");
  }

  @Test
  void refusesAFileTooLargeToBeASecretWithoutQuotingIt() throws Exception {
    Path large = Files.writeString(folder.resolve("large"), SECRET.repeat(10_000));
    settings.put(KEY + ".file", large.toString());

    assertThatThrownBy(() -> secrets.value(KEY))
        .hasMessageContaining("larger than a secret")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void refusesAFolder() {
    settings.put(KEY + ".file", folder.toString());

    assertThatThrownBy(() -> secrets.value(KEY)).hasMessageContaining("cannot be read");
  }

  @Test
  void namesTheVariablesAsMicroProfileConfigMapsThem() {
    assertThat(SecretValues.environmentName("mlp.artifacts.retired-keys.file"))
        .isEqualTo("MLP_ARTIFACTS_RETIRED_KEYS_FILE");
    assertThat(SecretValues.environmentName("mlp.oidc.client-secret"))
        .isEqualTo("MLP_OIDC_CLIENT_SECRET");
  }
}
