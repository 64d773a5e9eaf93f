package org.mlplatform.serving.artifacts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.logging.Logger;

/**
 * The embedded default's key: generated once into the data directory, readable by the owner only.
 * Good enough for a laptop; in production the key comes from a secret store instead.
 */
final class GeneratedKeyFile {

  private static final Logger LOG = Logger.getLogger(GeneratedKeyFile.class.getName());

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
   * file appeared meanwhile, so a key that may already encrypt files is never replaced. The key is
   * on disk before any artifact is encrypted with it.
   *
   * @return false when another key file won the race
   */
  private static boolean publish(Path keyFile, ArtifactKey key) throws IOException {
    Path temporary = DurableFiles.writeTemporary(keyFile, encode(key));
    try {
      try {
        Files.createLink(keyFile, temporary);
      } catch (UnsupportedOperationException e) {
        Files.move(temporary, keyFile);
      }
      DurableFiles.forceDirectory(keyFile.toAbsolutePath().getParent());
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** What a key file holds: the key in base64 and a line end. */
  static String encode(ArtifactKey key) {
    return key.toBase64() + "\n";
  }

  private static void warnIfOthersCanRead(Path keyFile) throws IOException {
    if (DurableFiles.readableByOthers(keyFile)) {
      LOG.warning(
          "The artifact key file "
              + keyFile
              + " can be read by others than its owner; restrict it with chmod 600");
    }
  }
}
