package org.mlplatform.serving.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlplatform.domain.models.ArtifactStore.ArtifactIntegrityException;
import org.mlplatform.domain.models.ArtifactStore.ArtifactNotFoundException;
import org.mlplatform.domain.models.ArtifactStore.ArtifactTooLargeException;
import org.mlplatform.domain.models.StoredArtifact;

class EncryptedFileArtifactStoreTest {

  private static final ArtifactKey KEY = key(1);
  private static final ArtifactKey OTHER_KEY = key(2);
  private static final long LIMIT = 10_000_000;

  @TempDir Path root;
  private EncryptedFileArtifactStore store;
  private byte[] content;

  @BeforeEach
  void openStore() throws IOException {
    store = new EncryptedFileArtifactStore(root, keys(KEY));
    content = new byte[300_000];
    new Random(7).nextBytes(content);
  }

  @Test
  void readsBackWhatItStoredUnderTheContentsSha256() throws Exception {
    StoredArtifact stored = store.put(new ByteArrayInputStream(content), LIMIT);

    assertThat(stored.sha256()).isEqualTo(sha256(content));
    assertThat(stored.size()).isEqualTo(content.length);
    assertThat(store.contains(stored.sha256())).isTrue();
    assertThat(store.read(stored.sha256())).isEqualTo(content);
    assertThat(storedFiles())
        .containsExactly(
            root.resolve(stored.sha256().substring(0, 2))
                .resolve(stored.sha256().substring(2, 4))
                .resolve(stored.sha256() + ".enc"));
  }

  @Test
  void keepsTheContentEncrypted() throws Exception {
    byte[] text = "a very recognisable model file ".repeat(100).getBytes(StandardCharsets.UTF_8);
    StoredArtifact stored = store.put(new ByteArrayInputStream(text), LIMIT);

    String onDisk = new String(Files.readAllBytes(fileOf(stored)), StandardCharsets.ISO_8859_1);
    assertThat(onDisk).startsWith("MLPA").doesNotContain("recognisable");
  }

  @Test
  void storesTheSameContentOnce() throws Exception {
    StoredArtifact first = store.put(new ByteArrayInputStream(content), LIMIT);
    StoredArtifact second = store.put(new ByteArrayInputStream(content), LIMIT);

    assertThat(second).isEqualTo(first);
    assertThat(storedFiles()).hasSize(1);
    assertThat(temporaryFiles()).isEmpty();
  }

  @Test
  void storesEmptyContent() throws Exception {
    StoredArtifact stored = store.put(new ByteArrayInputStream(new byte[0]), LIMIT);

    assertThat(store.read(stored.sha256())).isEmpty();
  }

  @Test
  void concurrentPutsOfTheSameContentLeaveOneReadableFile() throws Exception {
    int writers = 8;
    ExecutorService pool =
        Executors.newFixedThreadPool(writers, Thread.ofPlatform().name("writer-", 0).factory());
    CountDownLatch start = new CountDownLatch(1);
    List<Future<StoredArtifact>> puts = new ArrayList<>();
    try {
      for (int i = 0; i < writers; i++) {
        Callable<StoredArtifact> put =
            () -> {
              start.await();
              return store.put(new ByteArrayInputStream(content), LIMIT);
            };
        puts.add(pool.submit(put));
      }
      start.countDown();
      for (Future<StoredArtifact> put : puts) {
        assertThat(put.get().sha256()).isEqualTo(sha256(content));
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(storedFiles()).hasSize(1);
    assertThat(temporaryFiles()).isEmpty();
    assertThat(store.read(sha256(content))).isEqualTo(content);
  }

  @Test
  void leavesNoFileBehindWhenTheContentIsTooLarge() throws Exception {
    assertThatThrownBy(() -> store.put(new ByteArrayInputStream(content), content.length - 1))
        .isInstanceOf(ArtifactTooLargeException.class);

    assertThat(storedFiles()).isEmpty();
    assertThat(temporaryFiles()).isEmpty();
  }

  @Test
  void leavesNoFileBehindWhenTheUploadBreaksOff() throws Exception {
    InputStream breaksOff =
        new InputStream() {
          private int served;

          @Override
          public int read() throws IOException {
            if (served++ > 100_000) {
              throw new IOException("connection reset");
            }
            return 42;
          }
        };

    assertThatThrownBy(() -> store.put(breaksOff, LIMIT)).hasMessage("connection reset");

    assertThat(storedFiles()).isEmpty();
    assertThat(temporaryFiles()).isEmpty();
  }

  @Test
  void detectsAlteredCiphertext() throws Exception {
    StoredArtifact stored = store.put(new ByteArrayInputStream(content), LIMIT);
    flipByte(fileOf(stored), 1000);

    assertThatThrownBy(() -> store.read(stored.sha256()))
        .isInstanceOf(ArtifactIntegrityException.class)
        .hasMessageContaining("authentication tag");
  }

  @Test
  void detectsAnAlteredHeader() throws Exception {
    StoredArtifact stored = store.put(new ByteArrayInputStream(content), LIMIT);
    flipByte(fileOf(stored), 20); // inside the nonce

    assertThatThrownBy(() -> store.read(stored.sha256()))
        .isInstanceOf(ArtifactIntegrityException.class);
  }

  @Test
  void detectsAFileStoredUnderAnotherName() throws Exception {
    StoredArtifact stored = store.put(new ByteArrayInputStream(content), LIMIT);
    String otherName = sha256("something else".getBytes(StandardCharsets.UTF_8));
    Path impostor = root.resolve(otherName.substring(0, 2)).resolve(otherName.substring(2, 4));
    Files.createDirectories(impostor);
    Files.copy(fileOf(stored), impostor.resolve(otherName + ".enc"));

    assertThatThrownBy(() -> store.read(otherName))
        .isInstanceOf(ArtifactIntegrityException.class)
        .hasMessageContaining("hashes to " + stored.sha256());
  }

  @Test
  void refusesToReadWithTheWrongKey() throws Exception {
    StoredArtifact stored = store.put(new ByteArrayInputStream(content), LIMIT);
    EncryptedFileArtifactStore wrongKey = new EncryptedFileArtifactStore(root, keys(OTHER_KEY));

    assertThatThrownBy(() -> wrongKey.read(stored.sha256()))
        .isInstanceOf(ArtifactIntegrityException.class)
        .hasMessageContaining(KEY.id())
        .hasMessageContaining("not configured");
  }

  @Test
  void refusesAFileThatIsNotAnArtifact() throws Exception {
    StoredArtifact stored = store.put(new ByteArrayInputStream(content), LIMIT);
    Files.write(fileOf(stored), new byte[] {1, 2, 3});

    assertThatThrownBy(() -> store.read(stored.sha256()))
        .isInstanceOf(ArtifactIntegrityException.class)
        .hasMessageContaining("too short");
  }

  @Test
  void saysWhenNothingIsStoredUnderAHash() {
    String absent = sha256(new byte[] {9});

    assertThat(store.contains(absent)).isFalse();
    assertThatThrownBy(() -> store.read(absent)).isInstanceOf(ArtifactNotFoundException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../x",
        "../../etc/passwd",
        "/etc/passwd",
        "ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789",
        "abc",
        "e47acedf663230f8863ff1ab0e64dd2d82b838fceb5957146dab185a89d6215c/../../x",
        "e47acedf663230f8863ff1ab0e64dd2d82b838fceb5957146dab185a89d6215",
        ""
      })
  void refusesNamesThatAreNotSha256(String name) {
    assertThat(store.contains(name)).isFalse();
    assertThatThrownBy(() -> store.read(name)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rotatesToANewKeyWhileTheOldOneStillReads() throws Exception {
    StoredArtifact stored = store.put(new ByteArrayInputStream(content), LIMIT);
    EncryptedFileArtifactStore rotating =
        new EncryptedFileArtifactStore(root, KeyProvider.of(OTHER_KEY, List.of(KEY)));
    StoredArtifact newer = rotating.put(new ByteArrayInputStream(new byte[] {1, 2, 3}), LIMIT);

    assertThat(rotating.read(stored.sha256())).isEqualTo(content);
    assertThat(rotating.reencryptAll()).isEqualTo(new EncryptedFileArtifactStore.Rotation(1, 1));

    EncryptedFileArtifactStore newKeyOnly = new EncryptedFileArtifactStore(root, keys(OTHER_KEY));
    assertThat(newKeyOnly.read(stored.sha256())).isEqualTo(content);
    assertThat(newKeyOnly.read(newer.sha256())).containsExactly(1, 2, 3);
    assertThatThrownBy(() -> store.read(stored.sha256()))
        .isInstanceOf(ArtifactIntegrityException.class);
    assertThat(newKeyOnly.reencryptAll()).isEqualTo(new EncryptedFileArtifactStore.Rotation(0, 2));
    assertThat(temporaryFiles()).isEmpty();
  }

  private static ArtifactKey key(int seed) {
    byte[] material = new byte[ArtifactKey.KEY_BYTES];
    new Random(seed).nextBytes(material);
    return ArtifactKey.of(material);
  }

  private static KeyProvider keys(ArtifactKey key) {
    return KeyProvider.of(key, List.of());
  }

  private Path fileOf(StoredArtifact stored) {
    String sha = stored.sha256();
    return root.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha + ".enc");
  }

  private List<Path> storedFiles() throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".enc")).toList();
    }
  }

  private List<Path> temporaryFiles() throws IOException {
    try (Stream<Path> files = Files.list(root.resolve(".incoming"))) {
      return files.toList();
    }
  }

  private static void flipByte(Path file, int offset) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    bytes[offset] ^= 0x01;
    Files.write(file, bytes);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
