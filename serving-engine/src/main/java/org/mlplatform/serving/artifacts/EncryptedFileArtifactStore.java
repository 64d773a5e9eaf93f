package org.mlplatform.serving.artifacts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.mlplatform.domain.models.ArtifactStore;
import org.mlplatform.domain.models.StoredArtifact;
import org.mlplatform.serving.artifacts.EncryptedFileFormat.Header;
import org.mlplatform.serving.artifacts.EncryptedFileFormat.UnreadableHeaderException;

/**
 * Keeps artifacts as files under a root directory, named by the SHA-256 of their plain content
 * ({@code <root>/ab/cd/abcd....enc}) and encrypted with AES-256-GCM under a fresh random nonce per
 * file (layout in {@link EncryptedFileFormat}).
 *
 * <p>A put streams the content once: it hashes, encrypts and writes to a temporary file under
 * {@code <root>/.incoming} (same file system, so the final rename is atomic), and only then moves
 * it to its name. Readers therefore see a whole file or none, a failed or oversize put leaves
 * nothing, and two puts of the same content race harmlessly to the same name. Names are checked
 * with {@link StoredArtifact#isSha256} before any path is built. Thread-safe.
 */
public final class EncryptedFileArtifactStore implements ArtifactStore {

  /** The directory under a data directory that {@link #inDataDirectory} uses. */
  public static final String DIRECTORY = "artifacts";

  private static final Logger LOG = Logger.getLogger(EncryptedFileArtifactStore.class.getName());
  private static final String SUFFIX = ".enc";
  private static final String INCOMING = ".incoming";
  private static final Duration STALE_TEMPORARY_FILE = Duration.ofHours(1);
  private static final int BUFFER_BYTES = 64 * 1024;

  private final Path root;
  private final Path incoming;
  private final KeyProvider keys;
  private final SecureRandom random = new SecureRandom();

  public EncryptedFileArtifactStore(Path root, KeyProvider keys) throws IOException {
    this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    this.keys = Objects.requireNonNull(keys, "keys");
    this.incoming = this.root.resolve(INCOMING);
    Files.createDirectories(incoming);
    removeStaleTemporaryFiles();
  }

  /** The store under {@code <dataDirectory>/artifacts}. */
  public static EncryptedFileArtifactStore inDataDirectory(Path dataDirectory, KeyProvider keys)
      throws IOException {
    return new EncryptedFileArtifactStore(dataDirectory.resolve(DIRECTORY), keys);
  }

  @Override
  public StoredArtifact put(InputStream content, long maxBytes) throws IOException {
    Objects.requireNonNull(content, "content");
    Staged staged = stage(content, maxBytes, keys.currentKey());
    try {
      Path target = pathOf(staged.artifact().sha256());
      if (!Files.exists(target)) {
        Files.createDirectories(target.getParent());
        try {
          // On a race with a put of the same content either file wins: both decrypt to it.
          Files.move(staged.file(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
          // A file system whose rename does not replace: the other put's file stays.
        }
      }
      return staged.artifact();
    } finally {
      Files.deleteIfExists(staged.file());
    }
  }

  @Override
  public byte[] read(String sha256) throws IOException {
    byte[] stored;
    try {
      stored = Files.readAllBytes(pathOf(sha256));
    } catch (NoSuchFileException e) {
      throw new ArtifactNotFoundException(sha256);
    }
    return decrypt(sha256, stored);
  }

  @Override
  public boolean contains(String sha256) {
    return StoredArtifact.isSha256(sha256) && Files.isRegularFile(pathOf(sha256));
  }

  /**
   * Re-encrypts every file that is not yet under the current key, for key rotation: configure the
   * new key as current and the old one as retired, call this, then drop the old key. Each file is
   * replaced atomically, so reads go on meanwhile; a run that stops half-way can simply be
   * repeated.
   *
   * @throws ArtifactIntegrityException a file does not decrypt with any configured key
   */
  public Rotation reencryptAll() throws IOException {
    return reencryptAll((done, total, reencrypted) -> {});
  }

  /**
   * {@link #reencryptAll()}, telling {@code progress} about each file once it is done. Every file
   * is written to a temporary file, forced to disk and renamed over the old one, and the rename is
   * forced too: whenever the run stops (an exception, including one from {@code progress}, or a
   * crash), each file is whole under either its old or the current key.
   */
  public Rotation reencryptAll(RotationProgress progress) throws IOException {
    Objects.requireNonNull(progress, "progress");
    ArtifactKey current = keys.currentKey();
    List<Path> files = storedFiles();
    int reencrypted = 0;
    int alreadyCurrent = 0;
    for (Path file : files) {
      String sha256 = file.getFileName().toString().replace(SUFFIX, "");
      byte[] stored = Files.readAllBytes(file);
      boolean stale = !header(sha256, stored).keyId().equals(current.id());
      if (stale) {
        byte[] plain = decrypt(sha256, stored);
        Staged staged = stage(new ByteArrayInputStream(plain), plain.length, current);
        try {
          DurableFiles.replace(staged.file(), file);
        } finally {
          Files.deleteIfExists(staged.file());
        }
        reencrypted++;
      } else {
        alreadyCurrent++;
      }
      progress.passed(reencrypted + alreadyCurrent, files.size(), stale);
    }
    LOG.info(
        "Re-encrypted "
            + reencrypted
            + " artifacts with key "
            + current.id()
            + "; "
            + alreadyCurrent
            + " already used it");
    return new Rotation(reencrypted, alreadyCurrent);
  }

  /**
   * How many stored files each key encrypted, by key id, from the files' headers alone: a key that
   * no file names here can go.
   *
   * @throws ArtifactIntegrityException a file is not an encrypted artifact at all
   */
  public Map<String, Integer> filesPerKey() throws IOException {
    Map<String, Integer> counts = new TreeMap<>();
    byte[] head = new byte[EncryptedFileFormat.HEADER_BYTES + EncryptedFileFormat.TAG_BITS / 8];
    for (Path file : storedFiles()) {
      String sha256 = file.getFileName().toString().replace(SUFFIX, "");
      int read;
      try (InputStream in = Files.newInputStream(file)) {
        read = in.readNBytes(head, 0, head.length);
      }
      counts.merge(header(sha256, Arrays.copyOf(head, read)).keyId(), 1, Integer::sum);
    }
    return counts;
  }

  /** What {@link #reencryptAll()} did. */
  public record Rotation(int reencrypted, int alreadyCurrent) {}

  /** Told about each file {@link #reencryptAll(RotationProgress)} has passed. */
  @FunctionalInterface
  public interface RotationProgress {

    /**
     * @param done files passed so far, this one included
     * @param total files the run found
     * @param reencrypted whether this file was re-encrypted (false: it already used the key)
     * @throws IOException to stop the run; every file stays readable
     */
    void passed(int done, int total, boolean reencrypted) throws IOException;

    /** This listener, then {@code next}. */
    default RotationProgress andThen(RotationProgress next) {
      Objects.requireNonNull(next, "next");
      return (done, total, reencrypted) -> {
        passed(done, total, reencrypted);
        next.passed(done, total, reencrypted);
      };
    }
  }

  /** The file for a hash; anything that is not a SHA-256 never becomes a path. */
  private Path pathOf(String sha256) {
    if (!StoredArtifact.isSha256(sha256)) {
      throw new IllegalArgumentException("not a SHA-256 in lower-case hex: " + printable(sha256));
    }
    return root.resolve(sha256.substring(0, 2))
        .resolve(sha256.substring(2, 4))
        .resolve(sha256 + SUFFIX);
  }

  /** Hashes, counts and encrypts the content into a new temporary file. */
  private Staged stage(InputStream content, long maxBytes, ArtifactKey key) throws IOException {
    Path temporary = Files.createTempFile(incoming, "put-", ".tmp");
    try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
      byte[] nonce = new byte[EncryptedFileFormat.NONCE_BYTES];
      random.nextBytes(nonce);
      byte[] header = EncryptedFileFormat.header(key, nonce);
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, header);
      MessageDigest digest = sha256();
      writeFully(out, header);
      byte[] buffer = new byte[BUFFER_BYTES];
      long size = 0;
      int read;
      while ((read = content.read(buffer)) != -1) {
        size += read;
        if (size > maxBytes) {
          throw new ArtifactTooLargeException(maxBytes);
        }
        digest.update(buffer, 0, read);
        writeFully(out, cipher.update(buffer, 0, read));
      }
      writeFully(out, cipher.doFinal());
      out.force(true);
      String sha256 = HexFormat.of().formatHex(digest.digest());
      return new Staged(temporary, new StoredArtifact(sha256, size));
    } catch (GeneralSecurityException e) {
      Files.deleteIfExists(temporary);
      throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
    } catch (IOException | RuntimeException | Error e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
  }

  private byte[] decrypt(String sha256, byte[] stored) throws IOException {
    Header header = header(sha256, stored);
    ArtifactKey key =
        keys.key(header.keyId())
            .orElseThrow(
                () ->
                    new ArtifactIntegrityException(
                        sha256,
                        "it was encrypted with key "
                            + header.keyId()
                            + ", which is not configured (the current key is "
                            + keys.currentKey().id()
                            + ")"));
    byte[] plain;
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, header.nonce(), header.bytes());
      plain =
          cipher.doFinal(
              stored,
              EncryptedFileFormat.HEADER_BYTES,
              stored.length - EncryptedFileFormat.HEADER_BYTES);
    } catch (AEADBadTagException e) {
      throw new ArtifactIntegrityException(
          sha256, "its authentication tag does not match: the file was altered or damaged");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
    }
    String actual = HexFormat.of().formatHex(sha256().digest(plain));
    if (!actual.equals(sha256)) {
      throw new ArtifactIntegrityException(sha256, "its content hashes to " + actual);
    }
    return plain;
  }

  private static Header header(String sha256, byte[] stored) throws ArtifactIntegrityException {
    try {
      return Header.parse(stored);
    } catch (UnreadableHeaderException e) {
      throw new ArtifactIntegrityException(sha256, e.getMessage());
    }
  }

  private static Cipher cipher(int mode, ArtifactKey key, byte[] nonce, byte[] header)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key.secret(), new GCMParameterSpec(EncryptedFileFormat.TAG_BITS, nonce));
    cipher.updateAAD(header);
    return cipher;
  }

  private List<Path> storedFiles() throws IOException {
    try (Stream<Path> files =
        Files.find(
            root,
            3,
            (path, attributes) ->
                attributes.isRegularFile()
                    && !path.startsWith(incoming)
                    && path.getFileName().toString().endsWith(SUFFIX)
                    && StoredArtifact.isSha256(
                        path.getFileName().toString().replace(SUFFIX, "")))) {
      return new ArrayList<>(files.sorted().toList());
    }
  }

  /**
   * Temporary files left by a crash. Only old ones go: another node or a put in progress may own a
   * recent one.
   */
  private void removeStaleTemporaryFiles() throws IOException {
    FileTime cutoff = FileTime.from(Instant.now().minus(STALE_TEMPORARY_FILE));
    try (Stream<Path> files = Files.list(incoming)) {
      for (Path file : files.toList()) {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (attributes.isRegularFile() && attributes.lastModifiedTime().compareTo(cutoff) < 0) {
          try {
            Files.deleteIfExists(file);
          } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not remove stale temporary artifact " + file, e);
          }
        }
      }
    }
  }

  private static void writeFully(FileChannel out, byte[] bytes) throws IOException {
    if (bytes == null) {
      return;
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      out.write(buffer);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static String printable(String text) {
    if (text == null) {
      return "null";
    }
    String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
    return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
  }

  private record Staged(Path file, StoredArtifact artifact) {}
}
