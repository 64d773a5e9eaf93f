package org.mlplatform.portal.jobs;

import java.util.Optional;
import org.mlplatform.domain.jobs.Job;

/**
 * What a kind of job does when the node running it is gone and another node took it over: run it
 * again from its start, or end what it leaves behind. Kinds without one are failed with a reason.
 */
public interface JobRecovery {

  /** The {@link Job#type()} this recovers. */
  String jobType();

  /**
   * The work that runs the job again from its start, as it was asked for (the same version, the
   * same input); empty when it cannot run again.
   *
   * @throws IllegalArgumentException when what the job needs is gone; the job fails with it
   */
  Optional<JobRunner.Work> restart(Job job);

  /** Ends what belongs to a job that failed because it could not run again. */
  default void abandon(Job job, String reason) {}
}
