package org.mlplatform.domain.monitoring.feedback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Where ground truth is kept, one truth per prediction row. Failures of the store itself are {@link
 * FeedbackStoreException}s.
 */
public interface FeedbackStore {

  /**
   * Stores a batch, all or nothing. A truth for a prediction row that already has one replaces it
   * (labels get corrected) unless the stored one was received later; within the batch the last
   * truth for a row wins. Repeating a batch changes nothing.
   *
   * @return how many prediction rows had no truth before
   */
  int record(List<GroundTruth> truths);

  /** How many of {@code ids} (each counted once) name a prediction of the model in the log. */
  long matched(String model, List<UUID> ids);

  /**
   * Streams the model's logged predictions made in {@code [from, to)} that have ground truth, one
   * per labelled row, newest prediction first, without holding them all in memory. Truths whose
   * prediction is not (or no longer) in the log, or was made by another model, are left out.
   *
   * @param limit the most rows to pass on, at least 1
   * @return how many rows the sink was given
   */
  long scanLabelled(
      String model, Instant from, Instant to, int limit, Consumer<LabelledPrediction> sink);

  /** How many truths the store holds for the model. */
  long count(String model);
}
