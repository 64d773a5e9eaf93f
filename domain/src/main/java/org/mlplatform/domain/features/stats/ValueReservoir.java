package org.mlplatform.domain.features.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;

/**
 * Every value while there are at most {@code capacity}; beyond that a uniform random sample of
 * {@code capacity} of them (reservoir sampling). The seed is fixed so the same input always yields
 * the same sample, and so the same statistics.
 */
final class ValueReservoir {

  private static final long SEED = 0x5EED_57A7L;
  private static final int INITIAL_SIZE = 1024;

  private final int capacity;
  private final SplittableRandom random = new SplittableRandom(SEED);
  private double[] held = new double[0];
  private int size;
  private long seen;

  ValueReservoir(int capacity) {
    this.capacity = capacity;
  }

  void add(double value) {
    seen++;
    if (size < capacity) {
      if (size == held.length) {
        held = Arrays.copyOf(held, Math.min(capacity, Math.max(INITIAL_SIZE, size * 2)));
      }
      held[size++] = value;
      return;
    }
    long slot = random.nextLong(seen);
    if (slot < capacity) {
      held[(int) slot] = value;
    }
  }

  /** Whether the next value would no longer fit, so from then on only a sample is kept. */
  boolean isFullWithEverything() {
    return seen == capacity;
  }

  void forEachHeld(DoubleConsumer action) {
    for (int i = 0; i < size; i++) {
      action.accept(held[i]);
    }
  }

  double[] sortedCopy() {
    double[] sorted = Arrays.copyOf(held, size);
    Arrays.sort(sorted);
    return sorted;
  }
}
