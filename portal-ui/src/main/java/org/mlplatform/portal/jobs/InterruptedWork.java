package org.mlplatform.portal.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.mlplatform.domain.features.training.TrainingSet;
import org.mlplatform.domain.features.training.TrainingSetRepository;
import org.mlplatform.domain.jobs.Job;
import org.mlplatform.domain.jobs.JobRepository;

/**
 * At start-up, ends work a previous run of the platform left unfinished: its threads are gone, so a
 * job still marked queued or running, or a training set still building, would otherwise wait
 * forever. They fail with a reason that says to start them again. (With several nodes this must
 * only touch the work of the node that restarted; issue 10.)
 */
@ApplicationScoped
public class InterruptedWork {

  static final String REASON =
      "interrupted: the platform restarted while this was running; start it again";

  @Inject private JobRepository jobs;
  @Inject private TrainingSetRepository trainingSets;

  private final Clock clock = Clock.systemUTC();

  /**
   * Ends what was started before {@code startedAt}, the moment this run began (work started since
   * belongs to this run).
   *
   * @return how many jobs and training sets were ended
   */
  public int failStartedBefore(Instant startedAt) {
    int ended = 0;
    for (Job job : jobs.unfinished()) {
      if (job.createdAt().isBefore(startedAt)) {
        jobs.save(job.failed(REASON, clock.instant()));
        ended++;
      }
    }
    for (TrainingSet set : trainingSets.building()) {
      if (set.createdAt().isBefore(startedAt)) {
        trainingSets.save(set.failed(REASON));
        ended++;
      }
    }
    return ended;
  }
}
