package org.mlplatform.benchmarks;

import static org.mlplatform.benchmarks.TrainingSetBenchmark.FIRST_FEATURE_COLUMN;
import static org.mlplatform.benchmarks.TrainingSetBenchmark.mix;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mlplatform.benchmarks.TrainingSetBenchmark.Result;
import org.mlplatform.domain.features.training.TrainingColumn;
import org.mlplatform.domain.features.training.TrainingSetSink;

/** Counts and checksums every row, keeps the sampled ones. */
final class CheckingSink implements TrainingSetSink {
  final boolean[] sampled;
  final Map<Integer, Object[]> sample = new TreeMap<>();
  long rows;
  long checksum;
  long nulls;

  CheckingSink(boolean[] sampled) {
    this.sampled = sampled;
  }

  @Override
  public void start(List<TrainingColumn> columns) {
    List<String> names = columns.stream().map(TrainingColumn::name).toList();
    if (!names
        .subList(0, FIRST_FEATURE_COLUMN)
        .equals(List.of("event_timestamp", "customer_id", "label"))) {
      throw new IllegalStateException("unexpected columns " + names);
    }
  }

  @Override
  public void row(Object[] values) {
    long hash = checksum;
    for (int i = 0; i < values.length; i++) {
      hash = mix(hash, values[i]);
      if (i >= FIRST_FEATURE_COLUMN && values[i] == null) {
        nulls++;
      }
    }
    checksum = hash;
    if (sampled[(int) rows]) {
      sample.put((int) rows, values);
    }
    rows++;
  }

  Result result() {
    return new Result(rows, checksum, nulls, sample);
  }
}
