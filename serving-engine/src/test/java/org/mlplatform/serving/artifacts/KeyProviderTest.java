package org.mlplatform.serving.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyProviderTest {

  @TempDir Path data;

  @Test
  void generatesAKeyFileOnceReadableByItsOwnerOnlyAndWarns() throws Exception {
    List<LogRecord> warnings = new ArrayList<>();
    Logger logger = Logger.getLogger(GeneratedKeyFile.class.getName());
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
              warnings.add(record);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(handler);
    try {
      KeyProvider first = KeyProvider.fromConfiguration(Optional.empty(), List.of(), data);
      KeyProvider second = KeyProvider.fromConfiguration(Optional.empty(), List.of(), data);

      Path keyFile = data.resolve(KeyProvider.KEY_FILE);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
          .isEqualTo("rw-------");
      assertThat(second.currentKey().id()).isEqualTo(first.currentKey().id());
      assertThat(warnings)
          .singleElement()
          .satisfies(w -> assertThat(w.getMessage()).contains("next to the data", "secret store"));
      try (Stream<Path> keyDirectory = Files.list(keyFile.getParent())) {
        assertThat(keyDirectory).containsExactly(keyFile);
      }
    } finally {
      logger.removeHandler(handler);
    }
  }

  @Test
  void prefersTheConfiguredKeyAndKeepsTheGeneratedOneForOlderFiles() throws Exception {
    ArtifactKey generated =
        KeyProvider.fromKeyFile(data.resolve(KeyProvider.KEY_FILE)).currentKey();
    String configured = Base64.getEncoder().encodeToString(new byte[32]);

    KeyProvider keys = KeyProvider.fromConfiguration(Optional.of(configured), List.of(), data);

    assertThat(keys.currentKey().id()).isEqualTo(ArtifactKey.fromBase64(configured).id());
    assertThat(keys.key(generated.id())).isPresent();
  }

  @Test
  void refusesAKeyOfTheWrongLength() {
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

    assertThatThrownBy(() -> KeyProvider.fromBase64(shortKey))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> KeyProvider.fromBase64("not base64!"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void neverPrintsTheKey() {
    String base64 = Base64.getEncoder().encodeToString(new byte[32]);

    assertThat(ArtifactKey.fromBase64(base64).toString())
        .doesNotContain(base64)
        .startsWith("ArtifactKey[");
  }
}
