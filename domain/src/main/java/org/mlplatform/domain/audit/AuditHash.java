package org.mlplatform.domain.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The hash that chains audit records: SHA-256 over a canonical encoding of a record's place in the
 * chain, every field of its entry and the hash of the record before it. Changing any field, the
 * place or the link changes the hash.
 *
 * <p>The canonical encoding (version 1), all integers big-endian:
 *
 * <ol>
 *   <li>the tag {@code mlp-audit-v1} as a string,
 *   <li>{@code seq} as 8 bytes,
 *   <li>the previous hash as a string,
 *   <li>{@code occurredAt} as its epoch second (8 bytes) and nanosecond (4 bytes), after the
 *       truncation to microseconds that {@link AuditEntry} does,
 *   <li>actor; the roles joined with commas (as the table stores them, so a role that holds a comma
 *       hashes the same written and read back); action; target; summary; the outcome's name;
 *       request id; client address: each as a string.
 * </ol>
 *
 * A string is its UTF-8 byte count (4 bytes) followed by the bytes; {@code null} is the count -1
 * and no bytes, so null, empty and every split of text between neighbouring fields all differ.
 *
 * <p>The first record's previous hash is {@link #GENESIS}. Hashes are 64 lower-case hex digits.
 */
public final class AuditHash {

  /** The previous hash of the first record: 64 zeros. */
  public static final String GENESIS = "0".repeat(64);

  private static final String TAG = "mlp-audit-v1";
  private static final HexFormat HEX = HexFormat.of();

  private AuditHash() {}

  /** The hash of {@code entry} at place {@code seq} after the record whose hash is {@code prev}. */
  public static String of(long seq, AuditEntry entry, String prevHash) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HEX.formatHex(sha256.digest(canonical(seq, entry, prevHash)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The bytes {@link #of} hashes. */
  public static byte[] canonical(long seq, AuditEntry entry, String prevHash) {
    Objects.requireNonNull(entry, "entry");
    Encoder out = new Encoder();
    out.string(TAG);
    out.int64(seq);
    out.string(prevHash);
    out.int64(entry.occurredAt().getEpochSecond());
    out.int32(entry.occurredAt().getNano());
    out.string(entry.actor());
    out.string(String.join(",", entry.actorRoles()));
    out.string(entry.action());
    out.string(entry.target());
    out.string(entry.summary());
    out.string(entry.outcome().name());
    out.string(entry.requestId());
    out.string(entry.clientAddress());
    return out.bytes();
  }

  /** Whether {@code text} looks like a hash: 64 lower-case hex digits. */
  public static boolean isWellFormed(String text) {
    if (text == null || text.length() != 64) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  private static final class Encoder {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);

    void int32(int value) {
      bytes.write(value >>> 24);
      bytes.write(value >>> 16);
      bytes.write(value >>> 8);
      bytes.write(value);
    }

    void int64(long value) {
      int32((int) (value >>> 32));
      int32((int) value);
    }

    void string(String text) {
      if (text == null) {
        int32(-1);
        return;
      }
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      int32(utf8.length);
      bytes.writeBytes(utf8);
    }

    byte[] bytes() {
      return bytes.toByteArray();
    }
  }
}
