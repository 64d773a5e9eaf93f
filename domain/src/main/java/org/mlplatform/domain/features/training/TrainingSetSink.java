package org.mlplatform.domain.features.training;

import java.util.List;

/** Where a training set's rows go as they are assembled: a file, statistics, a test's list. */
public interface TrainingSetSink {

  /** Called once, before any row. */
  void start(List<TrainingColumn> columns);

  /** One row, values in column order and canonical types; the array is not reused. */
  void row(Object[] values);
}
