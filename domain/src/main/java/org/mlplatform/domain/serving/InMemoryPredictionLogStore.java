package org.mlplatform.domain.serving;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The prediction log in memory, for tests and benchmarks. Unbounded: trim it with {@link
 * #deleteOlderThan}. Thread-safe: every method holds the monitor, so a batch appears at once.
 */
public final class InMemoryPredictionLogStore implements PredictionLogStore {

  private final Map<UUID, PredictionRecord> records = new LinkedHashMap<>();

  @Override
  public synchronized void append(List<PredictionRecord> batch) {
    List<PredictionRecord> copy = List.copyOf(batch); // rejects nulls before anything is added
    for (PredictionRecord record : copy) {
      records.putIfAbsent(record.id(), record);
    }
  }

  @Override
  public synchronized List<PredictionRecord> recent(String model, int limit) {
    Objects.requireNonNull(model, "model");
    checkLimit(limit);
    return records.values().stream()
        .filter(r -> r.model().equals(model))
        .sorted(Comparator.comparing(PredictionRecord::at).reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized long count(String model) {
    return records.values().stream().filter(r -> r.model().equals(model)).count();
  }

  @Override
  public synchronized int deleteOlderThan(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    int before = records.size();
    records.values().removeIf(r -> r.at().isBefore(cutoff));
    return before - records.size();
  }

  static void checkLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("the limit is at least 1, got " + limit);
    }
  }
}
