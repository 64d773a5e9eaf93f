package org.mlplatform.domain.serving;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.mlplatform.domain.DomainValidationException;

/**
 * The traffic a model answered in one time bucket: the predictions returned to callers (primary and
 * canary routes; shadow predictions are nobody's traffic) and how long they took.
 *
 * @param start the bucket's first instant, a whole multiple of the bucket length since the epoch
 * @param predictions how many predictions the bucket holds, at least 1 (empty buckets are left out)
 * @param meanLatencyMicros their mean latency
 * @param maxLatencyMicros their largest latency
 */
public record TrafficBucket(
    Instant start, long predictions, double meanLatencyMicros, long maxLatencyMicros) {

  public TrafficBucket {
    Objects.requireNonNull(start, "start");
    if (predictions < 1) {
      throw new DomainValidationException(
          "predictions", "a bucket holds at least one prediction, got " + predictions);
    }
    if (!Double.isFinite(meanLatencyMicros) || meanLatencyMicros < 0) {
      throw new DomainValidationException(
          "meanLatencyMicros", "mean latency is finite and not negative, got " + meanLatencyMicros);
    }
    if (maxLatencyMicros < 0) {
      throw new DomainValidationException(
          "maxLatencyMicros", "max latency is not negative, got " + maxLatencyMicros);
    }
  }

  /**
   * The length of a bucket in whole seconds: buckets are aligned to the epoch in seconds, which
   * both databases compute alike.
   *
   * @throws DomainValidationException if the bucket is shorter than a second or not whole seconds
   */
  public static long seconds(Duration bucket) {
    Objects.requireNonNull(bucket, "bucket");
    if (bucket.getSeconds() < 1 || bucket.getNano() != 0) {
      throw new DomainValidationException(
          "bucket", "a bucket is a whole number of seconds, at least one; got " + bucket);
    }
    return bucket.getSeconds();
  }
}
