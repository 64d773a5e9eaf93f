package org.mlplatform.portal.ui.search;

import java.util.Set;
import java.util.stream.Collectors;
import org.mlplatform.search.DocumentType;
import org.mlplatform.search.SearchQuery;
import org.mlplatform.search.SearchQuery.Sort;

/**
 * The results page's edits of its query. Every edit but paging goes back to the first page, since
 * the old page number means nothing for other hits.
 */
final class QueryEdits {

  private QueryEdits() {}

  static SearchQuery text(SearchQuery q, String text, boolean advanced) {
    return new SearchQuery(
        text.strip(),
        advanced,
        q.types(),
        q.tags(),
        q.owners(),
        q.aliases(),
        0,
        q.size(),
        q.sort());
  }

  /** The query with a facet's selection replaced; {@code dimension} as in the result's facets. */
  static SearchQuery facet(SearchQuery q, String dimension, Set<String> values) {
    return switch (dimension) {
      case "type" ->
          new SearchQuery(
              q.text(),
              q.advanced(),
              values.stream().map(DocumentType::fromKey).collect(Collectors.toSet()),
              q.tags(),
              q.owners(),
              q.aliases(),
              0,
              q.size(),
              q.sort());
      case "tag" ->
          new SearchQuery(
              q.text(),
              q.advanced(),
              q.types(),
              values,
              q.owners(),
              q.aliases(),
              0,
              q.size(),
              q.sort());
      case "owner" ->
          new SearchQuery(
              q.text(),
              q.advanced(),
              q.types(),
              q.tags(),
              values,
              q.aliases(),
              0,
              q.size(),
              q.sort());
      case "alias" ->
          new SearchQuery(
              q.text(),
              q.advanced(),
              q.types(),
              q.tags(),
              q.owners(),
              values,
              0,
              q.size(),
              q.sort());
      default -> throw new IllegalArgumentException("no facet " + dimension);
    };
  }

  /** The values selected in a facet, as the result names them. */
  static Set<String> selected(SearchQuery q, String dimension) {
    return switch (dimension) {
      case "type" -> q.types().stream().map(DocumentType::key).collect(Collectors.toSet());
      case "tag" -> q.tags();
      case "owner" -> q.owners();
      case "alias" -> q.aliases();
      default -> Set.of();
    };
  }

  static SearchQuery page(SearchQuery q, int page) {
    return new SearchQuery(
        q.text(),
        q.advanced(),
        q.types(),
        q.tags(),
        q.owners(),
        q.aliases(),
        page,
        q.size(),
        q.sort());
  }

  static SearchQuery sort(SearchQuery q, Sort sort) {
    return new SearchQuery(
        q.text(), q.advanced(), q.types(), q.tags(), q.owners(), q.aliases(), 0, q.size(), sort);
  }
}
