package org.mlplatform.benchmarks;

import java.util.List;
import org.mlplatform.domain.features.training.TrainingColumn;
import org.mlplatform.domain.features.training.TrainingSetSink;

/** Notes when the builder starts writing, that is when every view is joined. */
final class PhaseSink implements TrainingSetSink {
  final CheckingSink delegate;
  long started;

  PhaseSink(CheckingSink delegate) {
    this.delegate = delegate;
  }

  @Override
  public void start(List<TrainingColumn> columns) {
    started = System.nanoTime();
    delegate.start(columns);
  }

  @Override
  public void row(Object[] values) {
    delegate.row(values);
  }
}
