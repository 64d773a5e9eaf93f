package org.mlplatform.search;

import java.io.IOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts type, owner, tag and alias values over every match (not just the page) straight from
 * {@link SortedSetDocValues}: per segment into an array indexed by ordinal, turned into strings
 * once per segment. Plain counting keeps the module free of the facet module's taxonomy or reader
 * state, which would need their own lifecycle next to the {@code SearcherManager}.
 */
final class FacetCounter implements CollectorManager<FacetCounter.Counts, FacetCounter.Result> {

  /** The facets of a result, keyed by their public name (which is also their field). */
  static final List<String> FACETS = List.of(Fields.TYPE, Fields.OWNER, Fields.TAG, Fields.ALIAS);

  /** More values than this per facet are not shown; the biggest counts win. */
  static final int TOP_VALUES = 20;

  /** Number of matches and the counts of their facet values. */
  record Result(long total, Map<String, Map<String, Long>> facets) {}

  @Override
  public Counts newCollector() {
    return new Counts();
  }

  @Override
  public Result reduce(Collection<Counts> collectors) {
    long total = 0;
    Map<String, Map<String, Long>> merged = new HashMap<>();
    for (Counts counts : collectors) {
      total += counts.total;
      counts.byFacet.forEach(
          (facet, values) ->
              values.forEach(
                  (value, n) ->
                      merged
                          .computeIfAbsent(facet, f -> new HashMap<>())
                          .merge(value, n, Long::sum)));
    }
    Map<String, Map<String, Long>> top = new LinkedHashMap<>();
    for (String facet : FACETS) {
      top.put(facet, topValues(merged.getOrDefault(facet, Map.of())));
    }
    return new Result(total, top);
  }

  private static Map<String, Long> topValues(Map<String, Long> counts) {
    Map<String, Long> top = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP_VALUES)
        .forEach(e -> top.put(e.getKey(), e.getValue()));
    return top;
  }

  /** One collector per search slice. */
  static final class Counts implements Collector {
    private final Map<String, Map<String, Long>> byFacet = new HashMap<>();
    private long total;

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      SortedSetDocValues[] values = new SortedSetDocValues[FACETS.size()];
      // Type and owner hold one value per document: the single-valued view reads faster.
      SortedDocValues[] single = new SortedDocValues[FACETS.size()];
      int[][] ordinalCounts = new int[FACETS.size()][];
      for (int f = 0; f < values.length; f++) {
        values[f] = DocValues.getSortedSet(context.reader(), FACETS.get(f));
        single[f] = DocValues.unwrapSingleton(values[f]);
        ordinalCounts[f] = new int[Math.toIntExact(values[f].getValueCount())];
      }
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          total++;
          for (int f = 0; f < values.length; f++) {
            if (single[f] != null) {
              if (single[f].advanceExact(doc)) {
                ordinalCounts[f][single[f].ordValue()]++;
              }
            } else if (values[f].advanceExact(doc)) {
              for (int i = values[f].docValueCount(); i > 0; i--) {
                ordinalCounts[f][(int) values[f].nextOrd()]++;
              }
            }
          }
        }

        @Override
        public void finish() throws IOException {
          // Ordinals are per segment: resolve them to values once, when the segment is done.
          for (int f = 0; f < values.length; f++) {
            SortedSetDocValues lookup = values[f];
            Map<String, Long> counts = byFacet.computeIfAbsent(FACETS.get(f), k -> new HashMap<>());
            int[] perOrdinal = ordinalCounts[f];
            for (int ord = 0; ord < perOrdinal.length; ord++) {
              if (perOrdinal[ord] > 0) {
                counts.merge(
                    lookup.lookupOrd(ord).utf8ToString(), (long) perOrdinal[ord], Long::sum);
              }
            }
          }
        }
      };
    }
  }
}
