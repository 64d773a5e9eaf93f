package org.mlplatform.portal.features;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.mlplatform.domain.features.training.TrainingSet;
import org.mlplatform.domain.features.training.TrainingSetRepository;
import org.mlplatform.domain.jobs.Job;
import org.mlplatform.portal.jobs.JobRecovery;
import org.mlplatform.portal.jobs.JobRunner;

/**
 * A training set whose node is gone fails with its job: its entity rows were held in that node's
 * memory only, so it cannot be built again elsewhere, and it must not stay BUILDING for ever.
 */
@ApplicationScoped
public class TrainingSetRecovery implements JobRecovery {

  @Inject private TrainingSetRepository trainingSets;

  @Override
  public String jobType() {
    return TrainingSets.JOB_TYPE;
  }

  @Override
  public Optional<JobRunner.Work> restart(Job job) {
    return Optional.empty();
  }

  @Override
  public void abandon(Job job, String reason) {
    for (TrainingSet set : trainingSets.building()) {
      if (job.id().equals(set.jobId())) {
        trainingSets.save(set.failed(reason));
      }
    }
  }
}
