package org.mlplatform.portal.ui.search;

import java.util.List;
import java.util.Locale;
import org.mlplatform.search.DocumentType;
import org.mlplatform.search.SearchQuery.Sort;

/** The words the search pages use for types, facets, sorts and timings. */
final class SearchText {

  /** Facet dimensions in the order the page shows them. */
  static final List<String> FACETS = List.of("type", "owner", "tag", "alias");

  private SearchText() {}

  static String facet(String dimension) {
    return switch (dimension) {
      case "type" -> "Type";
      case "owner" -> "Owner";
      case "tag" -> "Tags";
      case "alias" -> "Aliases";
      default -> dimension;
    };
  }

  static String type(DocumentType type) {
    return switch (type) {
      case ENTITY -> "Entity";
      case FEATURE_VIEW -> "Feature view";
      case FEATURE -> "Feature";
      case FEATURE_SERVICE -> "Feature service";
      case MODEL -> "Model";
      case MODEL_VERSION -> "Model version";
    };
  }

  /**
   * A type facet's key as words in lower case, like the other facets' values ("feature view"); an
   * unknown key as it is.
   */
  static String typeKey(String key) {
    for (DocumentType type : DocumentType.values()) {
      if (type.key().equals(key)) {
        return type(type).toLowerCase(Locale.ROOT);
      }
    }
    return key;
  }

  static String sort(Sort sort) {
    return switch (sort) {
      case RELEVANCE -> "Relevance";
      case NAME -> "Name";
      case UPDATED -> "Recently updated";
    };
  }

  /** "1 result in 0.4 ms", "12 results in 3 ms". */
  static String total(long total, long tookMicros) {
    return total + (total == 1 ? " result" : " results") + " in " + millis(tookMicros) + " ms";
  }

  static String millis(long micros) {
    return micros < 10_000
        ? String.format(Locale.ROOT, "%.1f", micros / 1000.0)
        : Long.toString(Math.round(micros / 1000.0));
  }

  /** "Page 2 of 5". */
  static String page(int page, int size, long total) {
    long pages = Math.max(1, (total + size - 1) / size);
    return "Page " + (page + 1) + " of " + pages;
  }
}
