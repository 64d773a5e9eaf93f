/**
 * The catalogue search index: entities, feature views, features, feature services, models and model
 * versions in one Lucene index in the data directory.
 *
 * <p>Public: {@link org.mlplatform.search.CatalogIndex} (one per folder: writer, {@code
 * SearcherManager}, refresh and commit thread, freshness fingerprint), the documents it holds
 * ({@link org.mlplatform.search.CatalogDocument}, {@link org.mlplatform.search.DocumentType}), the
 * question and answers ({@link org.mlplatform.search.SearchQuery}, {@link
 * org.mlplatform.search.SearchResult}, {@link org.mlplatform.search.SearchHit}, {@link
 * org.mlplatform.search.Suggestion}) and {@link org.mlplatform.search.InvalidQueryException} for
 * queries refused with a reason (a 400).
 *
 * <p>Package-private: the fields and analysis ({@code Fields}, {@code CatalogAnalyzers}, {@code
 * LuceneDocuments}), the queries ({@code FreeTextQuery} for what users type, {@code AdvancedQuery}
 * for Lucene syntax, {@code CatalogQueries} for filters and sorts, {@code KnownWords} for typo
 * detection), facet counting ({@code FacetCounter}), snippets ({@code Snippets}) and suggestions
 * ({@code NameSuggester}, {@code SegmentNames}, {@code SuggestionKeys}, {@code BestNames}).
 */
package org.mlplatform.search;
