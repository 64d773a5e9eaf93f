package org.mlplatform.serving.artifacts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The embedded default's key: generated once into the data directory, readable by the owner only.
 * Good enough for a laptop; in production the key comes from a secret store instead.
 */
final class GeneratedKeyFile {

  private static final Logger LOG = Logger.getLogger(GeneratedKeyFile.class.getName());
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private GeneratedKeyFile() {}

  static ArtifactKey loadOrCreate(Path keyFile) throws IOException {
    if (Files.exists(keyFile)) {
      return load(keyFile);
    }
    ArtifactKey key = ArtifactKey.generate(new SecureRandom());
    if (!publish(keyFile, key)) {
      // Another process generated one at the same moment: use that one.
      return load(keyFile);
    }
    LOG.warning(
        "Generated artifact encryption key "
            + key.id()
            + " in "
            + keyFile
            + ". It lives next to the data it protects, so it guards only against a copy of the"
            + " artifacts alone: in production supply the key from a secret store"
            + " (configuration mlp.artifacts.key) instead.");
    return key;
  }

  static ArtifactKey load(Path keyFile) throws IOException {
    warnIfOthersCanRead(keyFile);
    String text = Files.readString(keyFile, StandardCharsets.US_ASCII);
    try {
      return ArtifactKey.fromBase64(text);
    } catch (IllegalArgumentException e) {
      throw new IOException("the artifact key file " + keyFile + " is damaged: " + e.getMessage());
    }
  }

  /**
   * Writes the key to a private temporary file, then links it into place: the link fails if the key
   * file appeared meanwhile, so a key that may already encrypt files is never replaced.
   *
   * @return false when another key file won the race
   */
  private static boolean publish(Path keyFile, ArtifactKey key) throws IOException {
    Path directory = keyFile.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path temporary =
        Files.createTempFile(directory, ".artifact-key-", ".tmp", ownerOnly(directory));
    try {
      Files.writeString(temporary, key.toBase64() + "\n", StandardCharsets.US_ASCII);
      try {
        Files.createLink(keyFile, temporary);
      } catch (UnsupportedOperationException e) {
        Files.move(temporary, keyFile);
      }
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static FileAttribute<?>[] ownerOnly(Path directory) {
    return supportsPosix(directory)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
        : new FileAttribute<?>[0];
  }

  private static void warnIfOthersCanRead(Path keyFile) throws IOException {
    if (supportsPosix(keyFile) && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(keyFile))) {
      LOG.warning(
          "The artifact key file "
              + keyFile
              + " can be read by others than its owner; restrict it with chmod 600");
    }
  }

  private static boolean supportsPosix(Path path) {
    return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
  }
}
