package org.mlplatform.portal.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.mlplatform.search.DocumentType;
import org.mlplatform.search.InvalidQueryException;
import org.mlplatform.search.SearchQuery;
import org.mlplatform.search.SearchQuery.Sort;

/**
 * A search as request parameters, shared by the REST API ({@code GET /api/v1/search}) and the
 * portal's URL ({@code search?q=...}), so a link copied from one works in the other. Every mistake
 * (a page that is not a number, an unknown type or sort) is an {@link InvalidQueryException} naming
 * the parameter, which the API answers with 400.
 *
 * <p>{@code type}, {@code tag}, {@code owner} and {@code alias} may repeat; {@code type} also takes
 * a comma-separated list (type keys hold no commas, tags and owners may). Blank values are ignored.
 */
public final class SearchParameters {

  /** Longer query texts are refused: nobody types them, and they are expensive to parse. */
  public static final int MAX_TEXT = 1_000;

  /**
   * How deep paging may reach ({@code (page + 1) * size}): collecting a page means collecting every
   * hit before it, so a huge page number must not make the index collect millions.
   */
  public static final int MAX_DEPTH = 10_000;

  public static final int DEFAULT_SUGGESTIONS = 10;

  private SearchParameters() {}

  /** The query the parameters describe; {@code null} and blank mean the default. */
  public static SearchQuery query(
      String text,
      List<String> types,
      List<String> tags,
      List<String> owners,
      List<String> aliases,
      String page,
      String size,
      String sort,
      String advanced) {
    String q = text == null ? "" : text.strip();
    if (q.length() > MAX_TEXT) {
      throw new InvalidQueryException(
          "q must be at most " + MAX_TEXT + " characters, was " + q.length());
    }
    int pageNumber = integer("page", page, 0);
    int pageSize = integer("size", size, SearchQuery.DEFAULT_SIZE);
    SearchQuery query =
        new SearchQuery(
            q,
            bool("advanced", advanced),
            types(types),
            values(tags),
            values(owners),
            values(aliases),
            pageNumber,
            pageSize,
            sort(sort));
    if ((long) (pageNumber + 1) * pageSize > MAX_DEPTH) {
      throw new InvalidQueryException(
          "page "
              + pageNumber
              + " of size "
              + pageSize
              + " reaches past hit "
              + MAX_DEPTH
              + "; narrow the search instead");
    }
    return query;
  }

  /** The query of a portal URL's parameters ({@code QueryParameters.getParameters()}). */
  public static SearchQuery fromUrl(Map<String, List<String>> parameters) {
    return query(
        first(parameters, "q"),
        parameters.get("type"),
        parameters.get("tag"),
        parameters.get("owner"),
        parameters.get("alias"),
        first(parameters, "page"),
        first(parameters, "size"),
        first(parameters, "sort"),
        first(parameters, "advanced"));
  }

  /** The parameters that {@link #fromUrl} turns back into {@code query}; defaults left out. */
  public static Map<String, List<String>> toUrl(SearchQuery query) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (!query.text().isEmpty()) {
      parameters.put("q", List.of(query.text()));
    }
    put(parameters, "type", query.types().stream().map(DocumentType::key).toList());
    put(parameters, "tag", new ArrayList<>(query.tags()));
    put(parameters, "owner", new ArrayList<>(query.owners()));
    put(parameters, "alias", new ArrayList<>(query.aliases()));
    if (query.page() > 0) {
      parameters.put("page", List.of(Integer.toString(query.page())));
    }
    if (query.size() != SearchQuery.DEFAULT_SIZE) {
      parameters.put("size", List.of(Integer.toString(query.size())));
    }
    if (query.sort() != Sort.RELEVANCE) {
      parameters.put("sort", List.of(query.sort().name().toLowerCase(Locale.ROOT)));
    }
    if (query.advanced()) {
      parameters.put("advanced", List.of("true"));
    }
    return parameters;
  }

  /** The {@code limit} of a suggestion request: 1 to {@link CatalogSearch#MAX_SUGGESTIONS}. */
  public static int suggestionLimit(String limit) {
    int value = integer("limit", limit, DEFAULT_SUGGESTIONS);
    if (value < 1 || value > CatalogSearch.MAX_SUGGESTIONS) {
      throw new InvalidQueryException(
          "limit must be between 1 and " + CatalogSearch.MAX_SUGGESTIONS + ", was " + value);
    }
    return value;
  }

  private static int integer(String name, String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidQueryException(name + " must be a whole number, was '" + shown(value) + "'");
    }
  }

  private static boolean bool(String name, String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new InvalidQueryException(
              name + " must be true or false, was '" + shown(value) + "'");
    };
  }

  private static Sort sort(String value) {
    if (value == null || value.isBlank()) {
      return Sort.RELEVANCE;
    }
    for (Sort sort : Sort.values()) {
      if (sort.name().equalsIgnoreCase(value.strip())) {
        return sort;
      }
    }
    throw new InvalidQueryException(
        "unknown sort '"
            + shown(value)
            + "'; valid sorts: "
            + Arrays.stream(Sort.values())
                .map(s -> s.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")));
  }

  private static Set<DocumentType> types(List<String> values) {
    Set<DocumentType> types = new LinkedHashSet<>();
    for (String value : values(values)) {
      for (String key : value.split(",")) {
        if (!key.isBlank()) {
          types.add(DocumentType.fromKey(key.strip()));
        }
      }
    }
    return types;
  }

  private static Set<String> values(List<String> values) {
    Set<String> kept = new LinkedHashSet<>();
    if (values != null) {
      values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).forEach(kept::add);
    }
    return kept;
  }

  private static String first(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.get(name);
    return values == null || values.isEmpty() ? null : values.getFirst();
  }

  private static void put(Map<String, List<String>> parameters, String name, List<String> values) {
    if (!values.isEmpty()) {
      parameters.put(name, values.stream().sorted().toList());
    }
  }

  /** A user's value in an error message, cut short. */
  private static String shown(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }
}
