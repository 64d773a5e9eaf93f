package org.mlplatform.serving.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlplatform.domain.models.ArtifactStore.ArtifactIntegrityException;
import org.mlplatform.domain.models.StoredArtifact;

/** Rotations on real files in a data directory, read back the way the platform opens the store. */
class KeyRotationTest {

  private static final int ARTIFACTS = 6;

  @TempDir Path data;
  private final List<String> report = new ArrayList<>();
  private final Map<String, byte[]> contents = new LinkedHashMap<>();

  @BeforeEach
  void storeArtifactsUnderTheGeneratedKey() throws IOException {
    EncryptedFileArtifactStore store = platformStore();
    Random random = new Random(11);
    for (int i = 0; i < ARTIFACTS; i++) {
      byte[] content = new byte[1_000 + i * 50_000];
      random.nextBytes(content);
      StoredArtifact stored = store.put(new ByteArrayInputStream(content), Long.MAX_VALUE);
      contents.put(stored.sha256(), content);
    }
  }

  @Test
  void movesEveryArtifactToANewKeyAndDropsTheOldKeyOnceUnused() throws Exception {
    ArtifactKey old = currentKeyFile();

    KeyRotation.Summary summary = rotation().run();

    ArtifactKey fresh = currentKeyFile();
    assertThat(fresh.id()).isNotEqualTo(old.id()).isEqualTo(summary.currentKeyId());
    assertThat(summary.reencrypted()).isEqualTo(ARTIFACTS);
    assertThat(summary.alreadyCurrent()).isZero();
    assertThat(summary.removedKeyIds()).containsExactly(old.id());
    assertThat(retiredKeyFiles()).isEmpty();
    assertThat(platformStore().filesPerKey()).containsExactly(Map.entry(fresh.id(), ARTIFACTS));
    assertEveryArtifactReadsBack(platformStore());
    assertThatThrownBy(() -> storeWith(old).read(contents.keySet().iterator().next()))
        .isInstanceOf(ArtifactIntegrityException.class);
    assertThat(report).anyMatch(line -> line.contains("New key " + fresh.id()));
    assertThat(report).anyMatch(line -> line.contains(ARTIFACTS + "/" + ARTIFACTS));
  }

  @Test
  void aSecondRotationMovesEverythingAgain() throws Exception {
    String first = rotation().run().currentKeyId();

    KeyRotation.Summary second = rotation().run();

    assertThat(second.currentKeyId()).isNotEqualTo(first);
    assertThat(second.reencrypted()).isEqualTo(ARTIFACTS);
    assertThat(second.removedKeyIds()).containsExactly(first);
    assertThat(retiredKeyFiles()).isEmpty();
    assertEveryArtifactReadsBack(platformStore());
  }

  @Test
  void aRotationStoppedHalfWayLeavesEverythingReadableAndARerunFinishes() throws Exception {
    ArtifactKey old = currentKeyFile();
    KeyRotation interrupted = rotation();

    assertThatThrownBy(
            () ->
                interrupted.run(
                    (done, total, reencrypted) -> {
                      if (done == 3) {
                        throw new IOException("simulated crash after the third file");
                      }
                    }))
        .hasMessageContaining("simulated crash");
    // What a crash in the middle of a file leaves: a half-written temporary file.
    Files.write(data.resolve("artifacts/.incoming/put-123.tmp"), new byte[] {1, 2, 3});

    ArtifactKey halfWay = currentKeyFile();
    assertThat(platformStore().filesPerKey())
        .containsOnly(Map.entry(halfWay.id(), 3), Map.entry(old.id(), ARTIFACTS - 3));
    assertThat(retiredKeyFiles()).containsExactly(old.id() + ".key");
    assertEveryArtifactReadsBack(platformStore());

    KeyRotation.Summary rerun = rotation().run();

    assertThat(rerun.reencrypted()).isEqualTo(ARTIFACTS);
    assertThat(rerun.removedKeyIds()).containsExactlyInAnyOrder(old.id(), halfWay.id());
    assertThat(retiredKeyFiles()).isEmpty();
    assertThat(platformStore().filesPerKey())
        .containsExactly(Map.entry(rerun.currentKeyId(), ARTIFACTS));
    assertEveryArtifactReadsBack(platformStore());
  }

  @Test
  void aRotationStoppedBeforeTheNewKeyWasCurrentChangesNothingAndARerunFinishes() throws Exception {
    ArtifactKey old = currentKeyFile();
    KeyDirectory.in(data).retire(old); // the first step done, the crash before the second

    assertEveryArtifactReadsBack(platformStore());
    KeyRotation.Summary rerun = rotation().run();

    assertThat(rerun.currentKeyId()).isNotEqualTo(old.id());
    assertThat(rerun.reencrypted()).isEqualTo(ARTIFACTS);
    assertThat(retiredKeyFiles()).isEmpty();
    assertEveryArtifactReadsBack(platformStore());
  }

  @Test
  void keepsEveryKeyWhenAnArtifactCannotBeRead() throws Exception {
    ArtifactKey old = currentKeyFile();
    ArtifactKey unknown = ArtifactKey.generate(new SecureRandom());
    byte[] foreign = "encrypted under a key nobody configured".getBytes();
    String foreignSha = storeWith(unknown).put(new ByteArrayInputStream(foreign), 1_000).sha256();

    assertThatThrownBy(() -> rotation().run())
        .isInstanceOf(ArtifactIntegrityException.class)
        .hasMessageContaining(foreignSha)
        .hasMessageContaining(unknown.id());

    assertThat(retiredKeyFiles()).containsExactly(old.id() + ".key");
    assertEveryArtifactReadsBack(platformStore());
  }

  @Test
  void withAConfiguredKeyMovesToItAndRemovesTheGeneratedKeyFile() throws Exception {
    ArtifactKey generated = currentKeyFile();
    String configured = base64(ArtifactKey.generate(new SecureRandom()));
    String unusedRetired = base64(ArtifactKey.generate(new SecureRandom()));

    KeyRotation.Summary summary =
        new KeyRotation(data, Optional.of(configured), List.of(unusedRetired), report::add).run();

    assertThat(summary.currentKeyId()).isEqualTo(ArtifactKey.fromBase64(configured).id());
    assertThat(summary.reencrypted()).isEqualTo(ARTIFACTS);
    assertThat(summary.removedKeyIds()).containsExactly(generated.id());
    assertThat(data.resolve(KeyProvider.KEY_FILE)).doesNotExist();
    assertEveryArtifactReadsBack(
        storeWith(KeyProvider.fromConfiguration(Optional.of(configured), List.of(), data)));
    assertThat(report)
        .anyMatch(
            line ->
                line.contains(ArtifactKey.fromBase64(unusedRetired).id())
                    && line.contains("remove it from MLP_ARTIFACTS_RETIRED_KEYS"));
  }

  @Test
  void refusesToRunBesideAnotherRotation() throws Exception {
    Path lockFile = data.resolve("keys/.rotation.lock");
    try (FileChannel channel =
            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = channel.lock()) {
      assertThatThrownBy(() -> rotation().run())
          .isInstanceOf(IOException.class)
          .hasMessageContaining("another key rotation is running");
    }
    assertEveryArtifactReadsBack(platformStore());
  }

  @Test
  void neverReportsAKey() throws Exception {
    String old = Files.readString(data.resolve(KeyProvider.KEY_FILE)).strip();

    rotation().run();
    String fresh = Files.readString(data.resolve(KeyProvider.KEY_FILE)).strip();

    assertThat(report).isNotEmpty().noneMatch(line -> line.contains(old) || line.contains(fresh));
  }

  private KeyRotation rotation() {
    return new KeyRotation(data, Optional.empty(), List.of(), report::add);
  }

  /** The store as the platform opens it at start. */
  private EncryptedFileArtifactStore platformStore() throws IOException {
    return storeWith(KeyProvider.fromConfiguration(Optional.empty(), List.of(), data));
  }

  private EncryptedFileArtifactStore storeWith(ArtifactKey key) throws IOException {
    return storeWith(KeyProvider.of(key, List.of()));
  }

  private EncryptedFileArtifactStore storeWith(KeyProvider keys) throws IOException {
    return EncryptedFileArtifactStore.inDataDirectory(data, keys);
  }

  private void assertEveryArtifactReadsBack(EncryptedFileArtifactStore store) throws IOException {
    for (Map.Entry<String, byte[]> artifact : contents.entrySet()) {
      assertThat(store.read(artifact.getKey())).isEqualTo(artifact.getValue());
    }
  }

  private ArtifactKey currentKeyFile() throws IOException {
    return GeneratedKeyFile.load(data.resolve(KeyProvider.KEY_FILE));
  }

  private List<String> retiredKeyFiles() throws IOException {
    Path retired = data.resolve("keys/retired");
    if (!Files.isDirectory(retired)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(retired)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  private static String base64(ArtifactKey key) {
    return Base64.getEncoder().encodeToString(key.secret().getEncoded());
  }
}
