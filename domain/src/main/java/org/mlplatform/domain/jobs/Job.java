package org.mlplatform.domain.jobs;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A long operation and how far it got. Immutable: each change of state or progress makes a new
 * value through the intention-revealing methods below.
 *
 * @param progress from 0 to 1
 * @param result a small summary of the outcome (row counts, ids), shown to the caller as JSON
 * @param updatedAt the last change or heartbeat: when the running node last said it has the job
 * @param node the node that runs the job; another node takes it over when this one is gone
 * @param attempt 1, and one more each time another node took the job over
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
    Instant updatedAt,
    String node,
    int attempt) {

  public Job {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(state, "state");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt starts at 1, was " + attempt);
    }
    if (!(progress >= 0 && progress <= 1)) {
      throw new IllegalArgumentException("progress must be between 0 and 1, was " + progress);
    }
    result = result == null ? Map.of() : Map.copyOf(result);
  }

  /** A new job waiting for a worker on {@code node}. */
  public static Job queued(String type, String target, String createdBy, String node, Instant now) {
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
        now,
        node,
        1);
  }

  public Job running(double progress, String message, Instant now) {
    return next(JobState.RUNNING, Math.max(0, Math.min(1, progress)), message, result, null, now);
  }

  public Job succeeded(Map<String, Object> result, String message, Instant now) {
    return next(JobState.SUCCEEDED, 1, message, result, null, now);
  }

  public Job failed(String error, Instant now) {
    return next(JobState.FAILED, progress, "failed", result, error, now);
  }

  /**
   * The job moved to {@code byNode}, queued to run again from its start (or to be failed there,
   * when it cannot run again): the next attempt.
   */
  public Job takenOver(String byNode, Instant now) {
    requireUnfinished();
    Objects.requireNonNull(byNode, "byNode");
    return new Job(
        id,
        type,
        target,
        JobState.QUEUED,
        0,
        "taken over from node " + (node == null ? "(unknown)" : node) + " by node " + byNode,
        Map.of(),
        null,
        createdBy,
        createdAt,
        now,
        byNode,
        attempt + 1);
  }

  /** The same run of the job in its next state. */
  private Job next(
      JobState state,
      double progress,
      String message,
      Map<String, Object> result,
      String error,
      Instant now) {
    requireUnfinished();
    return new Job(
        id, type, target, state, progress, message, result, error, createdBy, createdAt, now, node,
        attempt);
  }

  /**
   * Whether the job is unfinished and nobody runs it any more: its node is not among the live ones
   * and has not said it has the job since {@code silentSince} (both, so that a node cut off from
   * the others but still running its jobs keeps them). A job without a node was queued by a version
   * that recorded none and sent no heartbeat: during a rolling upgrade it may still be running
   * there, so it is never orphaned here (a node alone takes such jobs back at its start).
   */
  public boolean isOrphaned(Collection<String> liveNodes, Instant silentSince) {
    return !state.isFinished()
        && node != null
        && !liveNodes.contains(node)
        && updatedAt.isBefore(silentSince);
  }

  /** Whether {@code other} is this same run of the job: same id, node and attempt. */
  public boolean sameRunAs(Job other) {
    return id.equals(other.id) && Objects.equals(node, other.node) && attempt == other.attempt;
  }

  private void requireUnfinished() {
    if (state.isFinished()) {
      throw new IllegalStateException("job " + id + " already " + state);
    }
  }
}
