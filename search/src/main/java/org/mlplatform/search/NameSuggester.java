package org.mlplatform.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/**
 * Suggestions as you type, from sorted in-memory keys of every name and of every word in it.
 *
 * <p>Why not Lucene's {@code AnalyzingSuggester}: it is built from a whole dictionary at once and
 * would have to be rebuilt after every upsert, and its weights cannot express the rule we want
 * (names that start with the typed text first, then shorter names). Instead each immutable segment
 * gets a {@link SegmentNames} (a sorted array; a binary search plus a short scan per query), built
 * once when the segment first appears in a refreshed searcher and dropped when the segment closes.
 * After an upsert only the new small segment is built; deletions are honoured with live docs. This
 * class is also the {@link SearcherFactory}, so the arrays are ready before a searcher is visible,
 * and the writer's merged-segment warmer ({@link #warm}), so that a large merged segment is built
 * on the merge thread rather than in the refresh that follows an upsert.
 */
final class NameSuggester extends SearcherFactory {

  /** Longest list handed out; the portal shows about ten. */
  static final int MAX_LIMIT = 50;

  private static final Set<String> SHOWN = Set.of(Fields.NAME, Fields.TYPE, Fields.LINK);

  private final Map<IndexReader.CacheKey, SegmentNames> bySegment = new ConcurrentHashMap<>();

  @Override
  public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader)
      throws IOException {
    for (LeafReaderContext leaf : reader.leaves()) {
      names(leaf.reader());
    }
    return super.newSearcher(reader, previousReader);
  }

  /** Builds a merged segment's names before the writer publishes it. */
  void warm(LeafReader mergedSegment) {
    names(mergedSegment);
  }

  List<Suggestion> suggest(IndexSearcher searcher, String typed, int limit) throws IOException {
    String prefix = SuggestionKeys.ofPrefix(typed);
    if (prefix.isBlank() || limit <= 0) {
      return List.of();
    }
    int capped = Math.min(limit, MAX_LIMIT);
    BestNames best = new BestNames(capped);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      names(leaf.reader()).collect(prefix, leaf.reader().getLiveDocs(), leaf.docBase, capped, best);
    }
    List<Suggestion> suggestions = new ArrayList<>();
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (BestNames.Candidate candidate : best.best()) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(candidate.doc(), leaves));
      Document doc = leaf.reader().storedFields().document(candidate.doc() - leaf.docBase, SHOWN);
      suggestions.add(
          new Suggestion(
              doc.get(Fields.NAME),
              DocumentType.fromKey(doc.get(Fields.TYPE)),
              doc.get(Fields.LINK)));
    }
    return suggestions;
  }

  private SegmentNames names(LeafReader segment) {
    IndexReader.CacheHelper cache = segment.getCoreCacheHelper();
    return bySegment.computeIfAbsent(
        cache.getKey(),
        key -> {
          cache.addClosedListener(bySegment::remove);
          try {
            return SegmentNames.build(segment);
          } catch (IOException e) {
            throw new UncheckedIOException("reading names for suggestions", e);
          }
        });
  }
}
