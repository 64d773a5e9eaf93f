package org.mlplatform.domain.models;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A file in the artifact store, addressed by the SHA-256 of its plain content.
 *
 * @param sha256 64 lower-case hexadecimal digits
 * @param size the plain content's length in bytes
 */
public record StoredArtifact(String sha256, long size) {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public StoredArtifact {
    Objects.requireNonNull(sha256, "sha256");
    if (!isSha256(sha256)) {
      throw new IllegalArgumentException("not a SHA-256 in lower-case hex: " + sha256);
    }
    if (size < 0) {
      throw new IllegalArgumentException("negative size " + size);
    }
  }

  /** Whether text is a SHA-256 as the store names files; anything else never reaches a path. */
  public static boolean isSha256(String text) {
    return text != null && SHA256.matcher(text).matches();
  }
}
