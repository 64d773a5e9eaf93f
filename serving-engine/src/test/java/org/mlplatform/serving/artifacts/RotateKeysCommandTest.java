package org.mlplatform.serving.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotateKeysCommandTest {

  @TempDir Path data;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void rotatesAndPrintsASummaryWithoutAnyKey() throws Exception {
    EncryptedFileArtifactStore store =
        EncryptedFileArtifactStore.inDataDirectory(
            data, KeyProvider.fromConfiguration(Optional.empty(), List.of(), data));
    for (int i = 0; i < 3; i++) {
      store.put(new ByteArrayInputStream(new byte[] {(byte) i, 1, 2}), 100);
    }
    String oldKey = keyFile();

    int status = run(Map.of(), data.toString());

    assertThat(status).isZero();
    assertThat(out())
        .contains("Re-encrypting 3 artifacts", "3/3")
        .contains("Done: 3 artifacts re-encrypted, 0 already current")
        .doesNotContain(oldKey)
        .doesNotContain(keyFile());
    assertThat(err()).isEmpty();
  }

  @Test
  void aBadConfiguredKeyIsNamedButNeverShown() {
    String tooShort = Base64.getEncoder().encodeToString("sixteen byte key".getBytes());

    int status = run(Map.of("MLP_ARTIFACTS_KEY", tooShort), data.toString());

    assertThat(status).isEqualTo(2);
    assertThat(err()).contains("32 bytes").doesNotContain(tooShort);
  }

  @Test
  void aFailedRotationSaysEverythingIsStillReadable() throws Exception {
    Path artifacts = data.resolve("artifacts/ab/cd");
    Files.createDirectories(artifacts);
    Files.write(artifacts.resolve("abcd" + "0".repeat(60) + ".enc"), new byte[] {1, 2, 3});

    int status = run(Map.of(), data.toString());

    assertThat(status).isEqualTo(1);
    assertThat(err()).contains("too short", "still readable", "run ./mlp rotate-keys again");
  }

  @Test
  void refusesAMissingDataDirectory() {
    assertThat(run(Map.of(), data.resolve("absent").toString())).isEqualTo(2);
    assertThat(err()).contains("no data directory");
  }

  private int run(Map<String, String> environment, String... args) {
    return RotateKeysCommand.run(
        args,
        environment,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String keyFile() throws Exception {
    return Files.readString(data.resolve(KeyProvider.KEY_FILE)).strip();
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
