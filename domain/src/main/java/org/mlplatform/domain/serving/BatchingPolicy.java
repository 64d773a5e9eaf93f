package org.mlplatform.domain.serving;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.mlplatform.domain.DomainValidationException;

/**
 * How serving groups concurrent requests into one inference call: up to {@code maxBatchSize}
 * requests, waiting at most {@code maxDelay} for the batch to fill. A batch size of 1 is no
 * batching, whatever the delay says.
 *
 * @param maxBatchSize 1 to {@value #MAX_BATCH_SIZE} requests
 * @param maxDelay 0 to 100 ms, kept to whole microseconds (as the database stores it); zero with a
 *     batch size above 1 batches only what is already waiting
 */
public record BatchingPolicy(int maxBatchSize, Duration maxDelay) {

  public static final int MAX_BATCH_SIZE = 1024;

  public static final Duration MAX_DELAY = Duration.ofMillis(100);

  private static final BatchingPolicy DISABLED = new BatchingPolicy(1, Duration.ZERO);

  public BatchingPolicy {
    if (maxBatchSize < 1 || maxBatchSize > MAX_BATCH_SIZE) {
      throw new DomainValidationException(
          "batching.maxBatchSize",
          "the batch size is 1 to " + MAX_BATCH_SIZE + " requests, got " + maxBatchSize);
    }
    if (maxDelay == null || maxDelay.isNegative() || maxDelay.compareTo(MAX_DELAY) > 0) {
      throw new DomainValidationException(
          "batching.maxDelay", "the batching delay is 0 to 100 ms, got " + maxDelay);
    }
    maxDelay = maxDelay.truncatedTo(ChronoUnit.MICROS);
  }

  /** One request per inference call, no waiting. */
  public static BatchingPolicy disabled() {
    return DISABLED;
  }

  /** Whether requests are grouped at all. */
  public boolean enabled() {
    return maxBatchSize > 1;
  }
}
