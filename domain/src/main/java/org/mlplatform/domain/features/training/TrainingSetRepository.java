package org.mlplatform.domain.features.training;

import java.util.List;
import java.util.Optional;

/** Where training-set snapshots' descriptions are kept (their data lives in files). */
public interface TrainingSetRepository {

  /** Inserts a snapshot or replaces the stored one with the same id. */
  void save(TrainingSet trainingSet);

  Optional<TrainingSet> find(String id);

  /** The newest snapshots first, at most {@code limit}. */
  List<TrainingSet> list(int limit);

  /** Snapshots still being built. */
  List<TrainingSet> building();
}
