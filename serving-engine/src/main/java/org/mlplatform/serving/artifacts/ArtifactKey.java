package org.mlplatform.serving.artifacts;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * An AES-256 key and its id. The id is derived from the key (the first 8 bytes of its SHA-256), so
 * every file can say which key encrypted it without the key ever being written down, and a wrong
 * key is noticed before decryption is tried.
 */
public final class ArtifactKey {

  public static final int KEY_BYTES = 32;
  public static final int ID_BYTES = 8;

  private final SecretKey secret;
  private final byte[] id;

  private ArtifactKey(byte[] material) {
    if (material.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "an artifact key is " + KEY_BYTES + " bytes (AES-256), not " + material.length);
    }
    this.secret = new SecretKeySpec(material, "AES");
    this.id = Arrays.copyOf(sha256(material), ID_BYTES);
  }

  public static ArtifactKey of(byte[] material) {
    return new ArtifactKey(material.clone());
  }

  /** A key written as base64 (standard alphabet), for example {@code openssl rand -base64 32}. */
  public static ArtifactKey fromBase64(String base64) {
    Objects.requireNonNull(base64, "base64");
    byte[] material;
    try {
      material = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the artifact key is not valid base64", e);
    }
    return new ArtifactKey(material);
  }

  public static ArtifactKey generate(SecureRandom random) {
    byte[] material = new byte[KEY_BYTES];
    random.nextBytes(material);
    return new ArtifactKey(material);
  }

  /** The id as 16 hexadecimal digits, as log lines and messages show it. */
  public String id() {
    return HexFormat.of().formatHex(id);
  }

  byte[] idBytes() {
    return id.clone();
  }

  SecretKey secret() {
    return secret;
  }

  String toBase64() {
    return Base64.getEncoder().encodeToString(secret.getEncoded());
  }

  /** Never the key itself. */
  @Override
  public String toString() {
    return "ArtifactKey[" + id() + "]";
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
