package org.mlplatform.portal.serving.batch;

import java.time.Instant;
import java.util.Optional;
import org.mlplatform.domain.jobs.Job;
import org.mlplatform.domain.jobs.JobState;

/**
 * A batch prediction as callers see it, read from its job: the state and progress, the pinned
 * version, and once it has succeeded the row count and where the result downloads. The job's id is
 * the batch's id.
 *
 * @param model the model's name; null when the job's target cannot be read
 * @param version the pinned version's number
 * @param reference the model as the caller named it
 * @param input {@code training-set:<id>} or {@code upload}
 * @param rows result rows, once succeeded
 * @param node the node running it (or that ran it)
 * @param attempt 1, or more once another node took it over because its node was gone
 * @param resultUrl the API path of the result CSV, once succeeded
 */
public record BatchPrediction(
    String id,
    String jobId,
    String state,
    double progress,
    String message,
    String model,
    Integer version,
    String reference,
    String input,
    Long rows,
    String resultUrl,
    String error,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    String node,
    int attempt) {

  static BatchPrediction of(Job job) {
    Optional<BatchTarget> target = BatchTarget.parse(job.target());
    boolean done = job.state() == JobState.SUCCEEDED;
    return new BatchPrediction(
        job.id(),
        job.id(),
        job.state().name(),
        job.progress(),
        job.message(),
        target.map(t -> t.version().model().value()).orElse(null),
        target.map(t -> t.version().number()).orElse(null),
        target.map(BatchTarget::reference).orElse(null),
        target.map(BatchTarget::input).orElse(null),
        done && job.result().get("rows") instanceof Number n ? n.longValue() : null,
        done ? resultUrl(job.id()) : null,
        job.error(),
        job.createdBy(),
        job.createdAt(),
        job.updatedAt(),
        job.node(),
        job.attempt());
  }

  static String resultUrl(String id) {
    return "/api/v1/batch-predictions/" + id + "/result";
  }

  /** Whether it is still queued or running. */
  public boolean running() {
    return state.equals(JobState.QUEUED.name()) || state.equals(JobState.RUNNING.name());
  }

  public boolean succeeded() {
    return state.equals(JobState.SUCCEEDED.name());
  }
}
