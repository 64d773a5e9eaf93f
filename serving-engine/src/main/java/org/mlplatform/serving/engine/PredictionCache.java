package org.mlplatform.serving.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.mlplatform.serving.inference.InputTensor;
import org.mlplatform.serving.inference.OutputTensor;

/**
 * Answers already computed, keyed by version and inputs, least recently used evicted first. A
 * deployment's cache lives in its routing table, so a swap starts with an empty one and no answer
 * of a retired version is ever returned.
 */
final class PredictionCache {

  private record Key(int version, List<InputTensor> inputs, List<String> outputs) {}

  private final Map<Key, List<OutputTensor>> entries;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  PredictionCache(int capacity) {
    this.entries =
        new LinkedHashMap<>(Math.min(capacity, 1024) * 2, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, List<OutputTensor>> eldest) {
            return size() > capacity;
          }
        };
  }

  List<OutputTensor> get(int version, List<InputTensor> inputs, List<String> outputs) {
    List<OutputTensor> found;
    synchronized (entries) {
      found = entries.get(new Key(version, inputs, outputs));
    }
    (found == null ? misses : hits).increment();
    return found;
  }

  void put(int version, List<InputTensor> inputs, List<String> outputs, List<OutputTensor> answer) {
    synchronized (entries) {
      entries.put(new Key(version, List.copyOf(inputs), List.copyOf(outputs)), answer);
    }
  }

  long hits() {
    return hits.sum();
  }

  long misses() {
    return misses.sum();
  }

  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }
}
