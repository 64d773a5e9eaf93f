package org.mlplatform.domain.serving;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

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

  /**
   * Hands the records to the sink after letting go of the monitor, so a slow sink blocks nobody.
   */
  @Override
  public long scan(
      String model, Instant from, Instant to, int limit, Consumer<PredictionRecord> sink) {
    checkLimit(limit);
    Objects.requireNonNull(sink, "sink");
    List<PredictionRecord> found;
    synchronized (this) {
      found =
          inWindow(model, from, to)
              .sorted(Comparator.comparing(PredictionRecord::at).reversed())
              .limit(limit)
              .toList();
    }
    found.forEach(sink);
    return found.size();
  }

  @Override
  public synchronized List<TrafficBucket> traffic(
      String model, Instant from, Instant to, Duration bucket) {
    long seconds = TrafficBucket.seconds(bucket);
    Map<Long, List<PredictionRecord>> buckets = new TreeMap<>();
    inWindow(model, from, to)
        .filter(r -> !r.route().equals(PredictionRecord.SHADOW))
        .forEach(
            r ->
                buckets
                    .computeIfAbsent(
                        Math.floorDiv(r.at().getEpochSecond(), seconds), b -> new ArrayList<>())
                    .add(r));
    return buckets.entrySet().stream()
        .map(b -> bucket(b.getKey() * seconds, b.getValue()))
        .toList();
  }

  private Stream<PredictionRecord> inWindow(String model, Instant from, Instant to) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    return records.values().stream()
        .filter(r -> r.model().equals(model))
        .filter(r -> !r.at().isBefore(from) && r.at().isBefore(to));
  }

  private static TrafficBucket bucket(long startSecond, List<PredictionRecord> records) {
    LongSummaryStatistics latency =
        records.stream().mapToLong(PredictionRecord::latencyMicros).summaryStatistics();
    return new TrafficBucket(
        Instant.ofEpochSecond(startSecond),
        latency.getCount(),
        latency.getAverage(),
        latency.getMax());
  }

  static void checkLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("the limit is at least 1, got " + limit);
    }
  }
}
