package org.mlplatform.domain.jobs;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A long operation and how far it got. Immutable: each change of state or progress makes a new
 * value through the intention-revealing methods below.
 *
 * @param progress from 0 to 1
 * @param result a small summary of the outcome (row counts, ids), shown to the caller as JSON
 */
public record Job(
    String id,
    String type,
    String target,
    JobState state,
    double progress,
    String message,
    Map<String, Object> result,
    String error,
    String createdBy,
    Instant createdAt,
    Instant updatedAt) {

  public Job {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(state, "state");
    if (!(progress >= 0 && progress <= 1)) {
      throw new IllegalArgumentException("progress must be between 0 and 1, was " + progress);
    }
    result = result == null ? Map.of() : Map.copyOf(result);
  }

  /** A new job waiting for a worker. */
  public static Job queued(String type, String target, String createdBy, Instant now) {
    return new Job(
        UUID.randomUUID().toString(),
        type,
        target,
        JobState.QUEUED,
        0,
        "queued",
        Map.of(),
        null,
        createdBy,
        now,
        now);
  }

  public Job running(double progress, String message, Instant now) {
    requireUnfinished();
    return new Job(
        id,
        type,
        target,
        JobState.RUNNING,
        Math.max(0, Math.min(1, progress)),
        message,
        result,
        null,
        createdBy,
        createdAt,
        now);
  }

  public Job succeeded(Map<String, Object> result, String message, Instant now) {
    requireUnfinished();
    return new Job(
        id, type, target, JobState.SUCCEEDED, 1, message, result, null, createdBy, createdAt, now);
  }

  public Job failed(String error, Instant now) {
    requireUnfinished();
    return new Job(
        id,
        type,
        target,
        JobState.FAILED,
        progress,
        "failed",
        result,
        error,
        createdBy,
        createdAt,
        now);
  }

  private void requireUnfinished() {
    if (state.isFinished()) {
      throw new IllegalStateException("job " + id + " already " + state);
    }
  }
}
