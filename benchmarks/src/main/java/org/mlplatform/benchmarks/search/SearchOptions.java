package org.mlplatform.benchmarks.search;

import java.nio.file.Path;
import org.mlplatform.benchmarks.DriverArgs;

/**
 * The search benchmark's {@code key=value} arguments.
 *
 * @param docs {@code docs=}: catalogue documents indexed, 100,000 by default
 * @param queries {@code queries=}: measured searches, 20,000
 * @param suggestions {@code suggestions=}: measured suggestion calls, 20,000
 * @param warmups {@code warmups=}: searches and suggestion calls each before measuring, 5,000
 * @param seed {@code seed=}: of the synthetic catalogue and workload, 42
 * @param folder {@code dir=}: where the index is built; a fresh temporary folder (deleted at the
 *     end) by default
 */
record SearchOptions(int docs, int queries, int suggestions, int warmups, long seed, Path folder) {

  static SearchOptions parse(String[] args) {
    int docs = 100_000;
    int queries = 20_000;
    int suggestions = 20_000;
    int warmups = 5_000;
    long seed = 42;
    Path folder = null;
    for (var option : DriverArgs.parse(args).options().entrySet()) {
      String value = option.getValue();
      switch (option.getKey()) {
        case "docs" -> docs = Integer.parseInt(value);
        case "queries" -> queries = Integer.parseInt(value);
        case "suggestions" -> suggestions = Integer.parseInt(value);
        case "warmups" -> warmups = Integer.parseInt(value);
        case "seed" -> seed = Long.parseLong(value);
        case "dir" -> folder = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + option.getKey());
      }
    }
    return new SearchOptions(docs, queries, suggestions, warmups, seed, folder);
  }
}
