package org.mlplatform.persistence.offline.history;

import java.util.Arrays;
import java.util.Comparator;

/** Sorts one entity's rows by event time: a stretch of two parallel arrays. */
final class EntitySort {

  /** Up to this many rows insertion sort wins (and rows mostly arrive in time order anyway). */
  private static final int SMALL = 48;

  private EntitySort() {}

  /** Sorts {@code times[from, to)} ascending and moves {@code rows} along with them. */
  static void byTime(long[] times, int[] rows, int from, int to) {
    if (to - from <= SMALL) {
      insertion(times, rows, from, to);
      return;
    }
    if (sorted(times, from, to)) {
      return;
    }
    Integer[] positions = new Integer[to - from];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = from + i;
    }
    Arrays.sort(positions, Comparator.comparingLong(p -> times[p]));
    long[] sortedTimes = new long[positions.length];
    int[] sortedRows = new int[positions.length];
    for (int i = 0; i < positions.length; i++) {
      sortedTimes[i] = times[positions[i]];
      sortedRows[i] = rows[positions[i]];
    }
    System.arraycopy(sortedTimes, 0, times, from, sortedTimes.length);
    System.arraycopy(sortedRows, 0, rows, from, sortedRows.length);
  }

  private static boolean sorted(long[] times, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      if (times[i] < times[i - 1]) {
        return false;
      }
    }
    return true;
  }

  private static void insertion(long[] times, int[] rows, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      long time = times[i];
      int row = rows[i];
      int j = i - 1;
      while (j >= from && times[j] > time) {
        times[j + 1] = times[j];
        rows[j + 1] = rows[j];
        j--;
      }
      times[j + 1] = time;
      rows[j + 1] = row;
    }
  }
}
