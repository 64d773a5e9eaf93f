package org.mlplatform.benchmarks;

import static org.mlplatform.benchmarks.TrainingSetBenchmark.FIRST_FEATURE_COLUMN;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mlplatform.benchmarks.TrainingSetBenchmark.Result;
import org.mlplatform.benchmarks.TrainingSetData.Spine;
import org.mlplatform.benchmarks.TrainingSetData.ViewData;

/**
 * The expected training set computed from the generated arrays by binary search, independent of
 * both engines; every run's checksum must match the first run's, and its sample must match this.
 */
final class Reference {
  final List<ViewData> views;
  final Spine spine;
  final int features;
  Result first;

  Reference(List<ViewData> views, Spine spine, int features) {
    this.views = views;
    this.spine = spine;
    this.features = features;
  }

  Object[] row(int r) {
    Object[] out = new Object[FIRST_FEATURE_COLUMN + views.size() * features];
    out[0] = spine.time(r);
    out[1] = spine.entity()[r];
    out[2] = spine.label()[r];
    int column = FIRST_FEATURE_COLUMN;
    for (ViewData view : views) {
      int match = match(view, spine.entity()[r], spine.millis()[r]);
      for (int f = 0; f < features; f++) {
        out[column++] = match < 0 ? null : view.value(match, f);
      }
    }
    return out;
  }

  private static int match(ViewData view, long entity, long millis) {
    if (millis < 0) {
      return -1; // before any data
    }
    int i = Arrays.binarySearch(view.packed(), entity << 32 | millis);
    int row = i >= 0 ? i : -i - 2;
    if (row < 0 || view.entity(row) != entity) {
      return -1;
    }
    long ttl = view.ttl().toMillis();
    return ttl > 0 && millis - view.millisOf(row) > ttl ? -1 : row;
  }

  synchronized void check(String who, Result result) {
    if (result.rows() != spine.size()) {
      throw new IllegalStateException(who + " gave " + result.rows() + " rows");
    }
    for (Map.Entry<Integer, Object[]> e : result.sample().entrySet()) {
      Object[] expected = row(e.getKey());
      Object[] actual = e.getValue();
      if (!Arrays.equals(expected, actual)) {
        throw new IllegalStateException(
            who
                + " differs from the reference at entity row "
                + e.getKey()
                + ":\n expected "
                + Arrays.toString(expected)
                + "\n actual   "
                + Arrays.toString(actual));
      }
    }
    if (first == null) {
      first = result;
    } else if (first.checksum() != result.checksum()
        || first.nullFeatures() != result.nullFeatures()) {
      throw new IllegalStateException(
          who + " gave a different result than the first run: " + result + " vs " + first);
    }
  }
}
