package org.mlplatform.domain.monitoring;

import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Reference and current counts over the same bins: categories (the sorted union of both sides'
 * values, as Evidently takes them) or numeric intervals.
 */
final class BinCounts {

  private final long[] reference;
  private final long[] current;

  BinCounts(long[] reference, long[] current) {
    if (reference.length != current.length) {
      throw new IllegalArgumentException("reference and current must have the same bins");
    }
    this.reference = reference;
    this.current = current;
  }

  /** One bin per distinct value of either side, in ascending order of value. */
  static <K extends Comparable<? super K>> BinCounts perValue(
      SortedMap<K, Long> reference, SortedMap<K, Long> current) {
    SortedSet<K> union = new TreeSet<>(reference.keySet());
    union.addAll(current.keySet());
    long[] referenceCounts = new long[union.size()];
    long[] currentCounts = new long[union.size()];
    int bin = 0;
    for (K key : union) {
      referenceCounts[bin] = countOf(reference, key);
      currentCounts[bin] = countOf(current, key);
      bin++;
    }
    return new BinCounts(referenceCounts, currentCounts);
  }

  private static <K> long countOf(Map<K, Long> counts, K key) {
    return counts.getOrDefault(key, 0L);
  }

  int size() {
    return reference.length;
  }

  long reference(int bin) {
    return reference[bin];
  }

  long current(int bin) {
    return current[bin];
  }

  long referenceTotal() {
    return total(reference);
  }

  long currentTotal() {
    return total(current);
  }

  /** Reference count per bin divided by the reference total. */
  double[] referenceShares() {
    return shares(reference);
  }

  /** Current count per bin divided by the current total. */
  double[] currentShares() {
    return shares(current);
  }

  private static long total(long[] counts) {
    long total = 0;
    for (long count : counts) {
      total += count;
    }
    return total;
  }

  private static double[] shares(long[] counts) {
    double total = total(counts);
    double[] shares = new double[counts.length];
    for (int i = 0; i < counts.length; i++) {
      shares[i] = counts[i] / total;
    }
    return shares;
  }
}
