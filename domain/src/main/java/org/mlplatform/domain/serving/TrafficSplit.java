package org.mlplatform.domain.serving;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Decides whether a request goes to the canary. With a sticky key (a user or session id) the answer
 * is a pure function of the key: the key's 64-bit hash picks one of 100 buckets, and buckets below
 * the canary's percentage go to the canary. So one key always gets the same version, and raising
 * the percentage only moves keys to the canary, never back. Without a key each request is a fresh
 * draw.
 *
 * <p>The hash is 64-bit FNV-1a over the key's UTF-8 bytes followed by MurmurHash3's {@code fmix64}
 * finalizer (FNV alone mixes its last bytes poorly into the low bits), so any client can reproduce
 * a bucket. A key falls in the same bucket for every model: to send different users to each model's
 * canary, prefix the key with the model's name.
 */
public final class TrafficSplit {

  private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private TrafficSplit() {}

  /**
   * Whether the request with this sticky key goes to the canary.
   *
   * @param percent the canary's share, 0 (never) to 100 (always)
   */
  public static boolean toCanary(int percent, String stickyKey) {
    Objects.requireNonNull(stickyKey, "stickyKey");
    checkPercent(percent);
    return bucket(stickyKey) < percent;
  }

  /**
   * Whether a request without a sticky key goes to the canary: a draw from {@code random}.
   *
   * @param percent the canary's share, 0 (never) to 100 (always)
   */
  public static boolean toCanary(int percent, RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    checkPercent(percent);
    // No draw at the edges: the answer is certain.
    return percent == 100 || (percent > 0 && random.nextInt(100) < percent);
  }

  /** The key's bucket, 0 to 99. */
  public static int bucket(String stickyKey) {
    return (int) Long.remainderUnsigned(hash(stickyKey), 100);
  }

  /** FNV-1a 64 of the key's UTF-8 bytes, then {@code fmix64}. */
  static long hash(String key) {
    return fmix64(fnv1a64(key.getBytes(StandardCharsets.UTF_8)));
  }

  static long fnv1a64(byte[] bytes) {
    long h = FNV_OFFSET_BASIS;
    for (byte b : bytes) {
      h ^= b & 0xff;
      h *= FNV_PRIME;
    }
    return h;
  }

  /** MurmurHash3's 64-bit finalizer: every input bit affects every output bit. */
  static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  private static void checkPercent(int percent) {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("a percentage is 0 to 100, got " + percent);
    }
  }
}
