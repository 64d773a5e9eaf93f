package org.mlplatform.domain.serving;

import java.time.Instant;
import java.util.List;

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
}
