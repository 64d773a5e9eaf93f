package org.mlplatform.benchmarks.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.mlplatform.benchmarks.Folders;
import org.mlplatform.search.CatalogDocument;
import org.mlplatform.search.CatalogIndex;
import org.mlplatform.search.DocumentType;
import org.mlplatform.search.SearchQuery;
import org.mlplatform.search.SearchResult;

/**
 * The search goals, in-process on one thread: with 100,000 catalogue documents a search
 * (free text, facets, snippets, first page of 20) has a p99 of at most 10 ms and a suggestion call
 * (10 names) at most 5 ms.
 *
 * <ol>
 *   <li>Build: {@code docs} synthetic documents ({@link SyntheticCatalogue}) into a fresh folder
 *       with {@link CatalogIndex#rebuild}, timed, then closed and reopened (timed) as at a start.
 *   <li>Warm-up: {@code warmups} searches and suggestion calls, not recorded.
 *   <li>Measured: {@code queries} searches ({@link Workload}: exact names, prefixes, typos, two
 *       words, filters, description words) and {@code suggestions} suggestion calls, each timed
 *       into an HdrHistogram; per kind of search too. For exact names, how often the named document
 *       came first (relevance check).
 *   <li>Visibility: 50 upserts of a new model each followed by a search for it; the time from the
 *       upsert's start until the search finds it.
 * </ol>
 *
 * <p>Arguments: see {@link SearchOptions}; {@code docs=100000 queries=20000 suggestions=20000}.
 */
public final class SearchBenchmark {

  private static final Logger LOG = Logger.getLogger(SearchBenchmark.class.getName());
  private static final long MAX_NANOS = 10_000_000_000L;
  private static final double QUERY_GOAL_MS = 10;
  private static final double SUGGEST_GOAL_MS = 5;

  private SearchBenchmark() {}

  public static void main(String[] args) throws IOException {
    SearchOptions options = SearchOptions.parse(args);
    Path folder =
        options.folder() != null ? options.folder() : Files.createTempDirectory("mlp-search-bench");
    try {
      run(options, folder);
    } finally {
      if (options.folder() == null) {
        Folders.deleteRecursively(folder);
      }
    }
  }

  private static void run(SearchOptions options, Path folder) {
    List<CatalogDocument> docs = new SyntheticCatalogue(options.seed()).documents(options.docs());
    long buildStart = System.nanoTime();
    try (CatalogIndex index = CatalogIndex.open(folder)) {
      index.rebuild(docs);
      index.markCurrent("bench");
    }
    double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
    LOG.info(
        () ->
            String.format(
                Locale.ROOT,
                "build: %,d documents indexed and committed in %.2f s (%,.0f docs/s), %.1f MB on disk",
                docs.size(),
                buildSeconds,
                docs.size() / buildSeconds,
                folderBytes(folder) / 1e6));

    long openStart = System.nanoTime();
    try (CatalogIndex index = CatalogIndex.open(folder)) {
      double openMs = (System.nanoTime() - openStart) / 1e6;
      LOG.info(
          () ->
              String.format(
                  Locale.ROOT,
                  "reopen: %.0f ms (current: %s, %,d documents)",
                  openMs,
                  index.isCurrent("bench"),
                  index.documentCount()));
      measure(index, docs, options);
      visibility(index);
    }
  }

  private static void measure(
      CatalogIndex index, List<CatalogDocument> docs, SearchOptions options) {
    Workload warmUp = new Workload(docs, options.seed() + 1);
    for (int i = 0; i < options.warmups(); i++) {
      index.search(warmUp.nextSearch().query());
      index.suggest(warmUp.nextPrefix(), 10);
    }

    Workload workload = new Workload(docs, options.seed() + 2);
    Histogram all = new Histogram(MAX_NANOS, 3);
    Map<String, Histogram> byKind = new TreeMap<>();
    int exact = 0;
    int exactFirst = 0;
    long hits = 0;
    for (int i = 0; i < options.queries(); i++) {
      Workload.Search search = workload.nextSearch();
      long start = System.nanoTime();
      SearchResult result = index.search(search.query());
      long nanos = System.nanoTime() - start;
      all.recordValue(nanos);
      byKind.computeIfAbsent(search.kind(), k -> new Histogram(MAX_NANOS, 3)).recordValue(nanos);
      hits += result.total();
      if (search.expectedFirst() != null) {
        exact++;
        if (!result.hits().isEmpty()
            && result.hits().getFirst().id().equals(search.expectedFirst())) {
          exactFirst++;
        }
      }
    }
    Histogram suggestions = new Histogram(MAX_NANOS, 3);
    long suggested = 0;
    for (int i = 0; i < options.suggestions(); i++) {
      String prefix = workload.nextPrefix();
      long start = System.nanoTime();
      suggested += index.suggest(prefix, 10).size();
      suggestions.recordValue(System.nanoTime() - start);
    }

    report("search", all, QUERY_GOAL_MS);
    byKind.forEach((kind, histogram) -> report("  " + kind, histogram, Double.NaN));
    report("suggest", suggestions, SUGGEST_GOAL_MS);
    long totalHits = hits;
    long totalSuggested = suggested;
    int exactQueries = exact;
    int exactRankedFirst = exactFirst;
    LOG.info(
        () ->
            String.format(
                Locale.ROOT,
                "relevance: exact name first in %,d of %,d exact-name searches; mean %.0f matches per"
                    + " search, %.1f suggestions per call",
                exactRankedFirst,
                exactQueries,
                (double) totalHits / options.queries(),
                (double) totalSuggested / options.suggestions()));
  }

  private static void visibility(CatalogIndex index) {
    Histogram visible = new Histogram(MAX_NANOS, 3);
    for (int i = 0; i < 50; i++) {
      String name = "visibility_probe_" + i;
      long start = System.nanoTime();
      index.upsert(
          List.of(
              new CatalogDocument(
                  "model:" + name,
                  DocumentType.MODEL,
                  name,
                  "probe",
                  List.of(),
                  null,
                  List.of(),
                  Map.of(),
                  "models/" + name,
                  null)));
      while (index.search(SearchQuery.of(name)).total() == 0) {
        Thread.onSpinWait();
      }
      visible.recordValue(System.nanoTime() - start);
    }
    report("upsert→visible", visible, 1_000);
  }

  static void report(String what, Histogram histogram, double goalMs) {
    double p99 = ms(histogram.getValueAtPercentile(99));
    String goal =
        Double.isNaN(goalMs)
            ? ""
            : String.format(
                Locale.ROOT, "  goal p99 ≤ %.0f ms: %s", goalMs, p99 <= goalMs ? "met" : "MISSED");
    LOG.info(
        () ->
            String.format(
                Locale.ROOT,
                "%-16s n=%,7d  p50 %7.3f ms  p90 %7.3f  p99 %7.3f  p99.9 %7.3f  max %8.3f%s",
                what,
                histogram.getTotalCount(),
                ms(histogram.getValueAtPercentile(50)),
                ms(histogram.getValueAtPercentile(90)),
                p99,
                ms(histogram.getValueAtPercentile(99.9)),
                ms(histogram.getMaxValue()),
                goal));
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static long folderBytes(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.mapToLong(f -> f.toFile().length()).sum();
    } catch (IOException e) {
      return -1;
    }
  }
}
