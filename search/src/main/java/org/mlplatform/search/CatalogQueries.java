package org.mlplatform.search;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

/** Turns a {@link SearchQuery} into the Lucene query and sort to run. Thread-safe. */
final class CatalogQueries {

  private static final SortField BY_NAME = new SortField(Fields.NAME_SORT, SortField.Type.STRING);

  /** Score alone: a name tie-break read doc values for every competitive hit of large results. */
  private static final Sort RELEVANCE = new Sort(SortField.FIELD_SCORE);

  private static final Sort NAME = new Sort(BY_NAME);
  private static final Sort UPDATED =
      new Sort(new SortField(Fields.UPDATED, SortField.Type.LONG, true), BY_NAME);

  private final FreeTextQuery freeText;
  private final AdvancedQuery advanced;

  CatalogQueries(Analyzer perFieldAnalyzer) {
    this.freeText = new FreeTextQuery(perFieldAnalyzer);
    this.advanced = new AdvancedQuery(perFieldAnalyzer);
  }

  /** The words of the query, without filters; {@code known} are the words the index holds. */
  Query text(SearchQuery query, KnownWords known) {
    return query.advanced() ? advanced.parse(query.text()) : freeText.build(query.text(), known);
  }

  /**
   * What snippets mark: the advanced query as parsed ({@code parsed}), or a cheap version of the
   * free text without typo expansion.
   */
  Query highlight(SearchQuery query, Query parsed) {
    return query.advanced() ? parsed : freeText.highlight(query.text());
  }

  /** The text query restricted by the filters, which do not score. */
  Query filtered(Query text, SearchQuery query) {
    BooleanQuery.Builder all = new BooleanQuery.Builder().add(text, Occur.MUST);
    filter(all, Fields.TYPE, query.types().stream().map(DocumentType::key).toList());
    filter(all, Fields.TAG, query.tags());
    filter(all, Fields.OWNER, query.owners());
    filter(all, Fields.ALIAS, query.aliases());
    return all.build();
  }

  /** An empty query's matches are ordered by name, as are ties of the other orders. */
  static Sort sort(SearchQuery query) {
    if (query.sort() == SearchQuery.Sort.RELEVANCE && !isMatchAll(query)) {
      return RELEVANCE;
    }
    return query.sort() == SearchQuery.Sort.UPDATED ? UPDATED : NAME;
  }

  static InvalidQueryException tooManyClauses(IndexSearcher.TooManyClauses e) {
    return new InvalidQueryException(
        "the query expands to more than "
            + IndexSearcher.getMaxClauseCount()
            + " clauses; use fewer words or narrower patterns",
        e);
  }

  private static boolean isMatchAll(SearchQuery query) {
    return query.text().isBlank();
  }

  /** Any of the values; a TermInSetQuery has no clause limit however many are asked for. */
  private static void filter(BooleanQuery.Builder all, String field, Collection<String> values) {
    if (!values.isEmpty()) {
      List<BytesRef> terms = Set.copyOf(values).stream().map(BytesRef::new).toList();
      all.add(new TermInSetQuery(field, terms), Occur.FILTER);
    }
  }
}
