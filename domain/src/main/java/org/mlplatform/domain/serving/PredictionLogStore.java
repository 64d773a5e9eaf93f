package org.mlplatform.domain.serving;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The prediction log: what the deployed versions were asked and answered, appended in batches and
 * trimmed by age. Failures of the store itself are {@link PredictionLogException}s.
 */
public interface PredictionLogStore {

  /**
   * Appends a batch, all or nothing. Idempotent by id: a record whose id is already logged (or
   * repeated within the batch) is skipped, so a retried batch adds only what is missing.
   */
  void append(List<PredictionRecord> records);

  /**
   * The model's latest records, newest first; records of the same instant in no particular order.
   *
   * @param limit the most records to return, at least 1
   */
  List<PredictionRecord> recent(String model, int limit);

  /** How many records of the model the log holds. */
  long count(String model);

  /** Deletes every record made before {@code cutoff} and says how many went. */
  int deleteOlderThan(Instant cutoff);

  /**
   * Streams the model's records made in {@code [from, to)} to {@code sink}, newest first (records
   * of the same instant in no particular order), without holding them all in memory: monitoring
   * reads up to millions of records this way. A sink that throws ends the scan with its exception.
   *
   * @param limit the most records to pass on, at least 1
   * @return how many records the sink was given
   */
  long scan(String model, Instant from, Instant to, int limit, Consumer<PredictionRecord> sink);

  /**
   * The model's traffic in {@code [from, to)} per bucket of time, oldest bucket first: predictions
   * of the primary and canary routes only, and only buckets that hold any.
   *
   * @param bucket a whole number of seconds, at least one; buckets are aligned to the epoch
   * @throws org.mlplatform.domain.DomainValidationException for a bucket that is not
   */
  List<TrafficBucket> traffic(String model, Instant from, Instant to, Duration bucket);
}
