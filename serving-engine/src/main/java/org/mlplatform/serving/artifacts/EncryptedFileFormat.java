package org.mlplatform.serving.artifacts;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The layout of an encrypted artifact file:
 *
 * <pre>
 * magic "MLPA" (4) | format version (1) | key id (8) | nonce (12) | AES-256-GCM ciphertext | tag (16)
 * </pre>
 *
 * The header is authenticated as GCM's additional data, so changing the key id or the version is
 * detected like any change to the ciphertext. The key id lets keys rotate; the version lets the
 * layout change later.
 */
final class EncryptedFileFormat {

  static final int VERSION = 1;
  static final int NONCE_BYTES = 12;
  static final int TAG_BITS = 128;
  static final int HEADER_BYTES = 4 + 1 + ArtifactKey.ID_BYTES + NONCE_BYTES;

  private static final byte[] MAGIC = {'M', 'L', 'P', 'A'};

  private EncryptedFileFormat() {}

  static byte[] header(ArtifactKey key, byte[] nonce) {
    return ByteBuffer.allocate(HEADER_BYTES)
        .put(MAGIC)
        .put((byte) VERSION)
        .put(key.idBytes())
        .put(nonce)
        .array();
  }

  /** The parsed header of a file, or why the file is not one of ours. */
  record Header(String keyId, byte[] nonce, byte[] bytes) {

    static Header parse(byte[] file) throws UnreadableHeaderException {
      if (file.length < HEADER_BYTES + TAG_BITS / 8) {
        throw new UnreadableHeaderException("the file is too short to be an encrypted artifact");
      }
      if (!Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
        throw new UnreadableHeaderException("the file does not start with the artifact magic");
      }
      int version = file[MAGIC.length];
      if (version != VERSION) {
        throw new UnreadableHeaderException("unknown format version " + version);
      }
      int idStart = MAGIC.length + 1;
      String keyId = HexFormat.of().formatHex(file, idStart, idStart + ArtifactKey.ID_BYTES);
      int nonceStart = idStart + ArtifactKey.ID_BYTES;
      byte[] nonce = Arrays.copyOfRange(file, nonceStart, nonceStart + NONCE_BYTES);
      return new Header(keyId, nonce, Arrays.copyOf(file, HEADER_BYTES));
    }
  }

  /** The bytes before the ciphertext are not a header this version writes. */
  static final class UnreadableHeaderException extends Exception {
    UnreadableHeaderException(String message) {
      super(message);
    }
  }
}
