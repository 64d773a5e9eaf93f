package org.mlplatform.domain.jobs;

import java.util.List;
import java.util.Optional;

/** Where jobs and their progress are kept, so any node and any caller can follow them. */
public interface JobRepository {

  /** Inserts or replaces the job with this id. */
  void save(Job job);

  Optional<Job> find(String id);

  /** The newest jobs first. */
  List<Job> latest(int limit);

  /** Jobs still queued or running, oldest first. */
  List<Job> unfinished();
}
