package org.mlplatform.serving.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.mlplatform.domain.serving.InMemoryPredictionLogStore;
import org.mlplatform.domain.serving.PredictionLogStore;
import org.mlplatform.domain.serving.PredictionRecord;
import org.mlplatform.domain.serving.TrafficBucket;

/** An in-memory log store whose appends a test can slow down or count by overriding them. */
class ForwardingLogStore implements PredictionLogStore {

  private final InMemoryPredictionLogStore kept = new InMemoryPredictionLogStore();

  @Override
  public void append(List<PredictionRecord> batch) {
    kept.append(batch);
  }

  @Override
  public List<PredictionRecord> recent(String model, int limit) {
    return kept.recent(model, limit);
  }

  @Override
  public long count(String model) {
    return kept.count(model);
  }

  @Override
  public int deleteOlderThan(Instant cutoff) {
    return kept.deleteOlderThan(cutoff);
  }

  @Override
  public long scan(
      String model, Instant from, Instant to, int limit, Consumer<PredictionRecord> sink) {
    return kept.scan(model, from, to, limit, sink);
  }

  @Override
  public List<TrafficBucket> traffic(String model, Instant from, Instant to, Duration bucket) {
    return kept.traffic(model, from, to, bucket);
  }
}
