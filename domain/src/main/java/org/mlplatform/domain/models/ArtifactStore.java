package org.mlplatform.domain.models;

import java.io.IOException;
import java.io.InputStream;

/**
 * Keeps model files, content-addressed by SHA-256 and encrypted at rest; an object store can take
 * the place of the file-system implementation. Storing the same content twice stores it once.
 * Implementations are thread-safe.
 */
public interface ArtifactStore {

  /**
   * Stores content read to its end. Nothing is visible under the hash until all of it is written; a
   * failure or an oversize stream leaves nothing behind.
   *
   * @throws ArtifactTooLargeException when the content is longer than {@code maxBytes}
   */
  StoredArtifact put(InputStream content, long maxBytes) throws IOException;

  /**
   * The plain content; its integrity is checked while it is read (an AES-GCM tag and the hash).
   *
   * @throws ArtifactNotFoundException when nothing is stored under the hash
   * @throws ArtifactIntegrityException when the stored bytes do not decrypt or hash to the name
   */
  byte[] read(String sha256) throws IOException;

  boolean contains(String sha256);

  /** Too large for the configured limit; nothing was stored. */
  final class ArtifactTooLargeException extends IOException {
    public ArtifactTooLargeException(long maxBytes) {
      super("the file is larger than the limit of " + maxBytes + " bytes");
    }
  }

  /** Nothing is stored under a hash. */
  final class ArtifactNotFoundException extends IOException {
    public ArtifactNotFoundException(String sha256) {
      super("no artifact " + sha256);
    }
  }

  /** The stored bytes were altered or damaged. */
  final class ArtifactIntegrityException extends IOException {
    public ArtifactIntegrityException(String sha256, String reason) {
      super("artifact " + sha256 + " failed its integrity check: " + reason);
    }
  }
}
