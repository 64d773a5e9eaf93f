package org.mlplatform.domain.features.stats;

import java.util.Arrays;

/**
 * Counts distinct 64-bit keys exactly up to a limit, in an open-addressing table of primitive longs
 * (a numeric column costs at most 128 KiB here, not a set of boxed values). Past the limit the
 * count stops growing and is only a lower bound.
 */
final class CappedDistinctCounter {

  /** Marks a free slot; the key with this value is tracked by a flag of its own. */
  private static final long FREE = Long.MIN_VALUE;

  private final int limit;
  private long[] slots = freeSlots(64);
  private int size;
  private boolean freeMarkerSeen;
  private boolean overflowed;

  CappedDistinctCounter(int limit) {
    this.limit = limit;
  }

  void add(long key) {
    if (key == FREE) {
      if (!freeMarkerSeen) {
        freeMarkerSeen = admit();
      }
      return;
    }
    int mask = slots.length - 1;
    int slot = slotOf(key, mask);
    while (slots[slot] != FREE) {
      if (slots[slot] == key) {
        return;
      }
      slot = (slot + 1) & mask;
    }
    if (admit()) {
      slots[slot] = key;
      if (size * 4L > slots.length * 3L) {
        grow();
      }
    }
  }

  /** Counts one more distinct key, or records that the limit turned one away. */
  private boolean admit() {
    if (size >= limit) {
      overflowed = true;
      return false;
    }
    size++;
    return true;
  }

  private void grow() {
    long[] old = slots;
    slots = freeSlots(old.length * 2);
    int mask = slots.length - 1;
    for (long key : old) {
      if (key != FREE) {
        int slot = slotOf(key, mask);
        while (slots[slot] != FREE) {
          slot = (slot + 1) & mask;
        }
        slots[slot] = key;
      }
    }
  }

  private static int slotOf(long key, int mask) {
    long mixed = key * 0x9E3779B97F4A7C15L;
    return (int) (mixed ^ (mixed >>> 32)) & mask;
  }

  private static long[] freeSlots(int length) {
    long[] slots = new long[length];
    Arrays.fill(slots, FREE);
    return slots;
  }

  long count() {
    return size;
  }

  boolean isLowerBound() {
    return overflowed;
  }
}
