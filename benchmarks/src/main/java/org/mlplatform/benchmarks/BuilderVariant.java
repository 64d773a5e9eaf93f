package org.mlplatform.benchmarks;

import java.util.concurrent.Executor;
import org.mlplatform.domain.features.offline.OfflineStore;
import org.mlplatform.domain.features.training.TrainingSetBuilder;

/**
 * One way of building in the training-set benchmark, from {@code variants=}: a keyed-scan limit
 * ({@code default}, {@code max} or a number), then optionally {@code +parallel} (views read side by
 * side) and {@code +copies} (through local copies) or {@code +copies-cold} (making them every run).
 *
 * @param limit the keyed-scan limit as given
 */
record BuilderVariant(String limit, boolean parallel, Copies copies) {

  /** Whether and how a variant reads through the store's local copies. */
  enum Copies {
    NONE,
    CURRENT,
    MADE_EACH_RUN
  }

  static BuilderVariant parse(String variant) {
    int plus = variant.indexOf('+');
    String options = plus < 0 ? "" : variant.substring(plus);
    return new BuilderVariant(
        plus < 0 ? variant : variant.substring(0, plus),
        options.contains("+parallel"),
        options.endsWith("+copies-cold")
            ? Copies.MADE_EACH_RUN
            : options.endsWith("+copies") ? Copies.CURRENT : Copies.NONE);
  }

  TrainingSetBuilder builder(OfflineStore store, Executor viewReaders) {
    int keyedScanLimit =
        switch (limit) {
          case "default" -> TrainingSetBenchmark.DEFAULT_KEYED_SCAN_LIMIT;
          case "max" -> Integer.MAX_VALUE;
          default -> Integer.parseInt(limit);
        };
    if (parallel) {
      return new TrainingSetBuilder(store, keyedScanLimit, viewReaders);
    }
    return limit.equals("default")
        ? new TrainingSetBuilder(store) // as the platform builds
        : new TrainingSetBuilder(store, keyedScanLimit);
  }

  String name() {
    String limitName =
        switch (limit) {
          case "default" -> "default";
          case "0" -> "limit 0 (full scans)";
          case "max" -> "limit MAX (keyed scans)";
          case "200000" -> "limit 200,000 (platform's)";
          default -> "limit " + limit;
        };
    String copiesName =
        switch (copies) {
          case NONE -> "";
          case CURRENT -> ", local copies";
          case MADE_EACH_RUN -> ", making local copies";
        };
    return limitName + (parallel ? ", views in parallel" : "") + copiesName;
  }
}
