package org.mlplatform.domain.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where jobs and their progress are kept, so any node and any caller can follow them, and which
 * node runs each, so that another node can take over the jobs of one that is gone.
 */
public interface JobRepository {

  /**
   * Inserts the job, or replaces it while it is still the same run ({@link Job#sameRunAs}): a job
   * another node took over since is left as it is.
   *
   * @return false when the job was taken over, so this run's state was not saved
   */
  boolean save(Job job);

  Optional<Job> find(String id);

  /** The newest jobs first. */
  List<Job> latest(int limit);

  /** Jobs still queued or running, oldest first. */
  List<Job> unfinished();

  /** Tells that {@code node} still has its unfinished jobs: their {@code updatedAt} becomes now. */
  void heartbeat(String node, Instant now);

  /**
   * Moves the job, as it was read, to {@code node} ({@link Job#takenOver}); nothing happens when it
   * finished or moved since, so of several nodes trying at once only one gets it.
   *
   * @return the moved job, or empty when another node got there first or it finished
   */
  Optional<Job> takeOver(Job job, String node, Instant now);
}
