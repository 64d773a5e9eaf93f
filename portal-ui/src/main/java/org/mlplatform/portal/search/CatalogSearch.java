package org.mlplatform.portal.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.mlplatform.portal.boot.PlatformStartup;
import org.mlplatform.search.CatalogIndex;
import org.mlplatform.search.SearchQuery;
import org.mlplatform.search.SearchResult;
import org.mlplatform.search.Suggestion;

/**
 * Queries the catalogue index for the REST API and the portal. No caller waits for the database:
 * the index answers alone.
 *
 * <p>Access: reading the catalogue is open to every platform role (DESIGN.md), so results, counts
 * and facets are the same for every caller. Should reading ever depend on the role, the filter
 * belongs here, in the query, so that counts and facets respect it too.
 */
@ApplicationScoped
public class CatalogSearch {

  /** Suggestions offered at most. */
  public static final int MAX_SUGGESTIONS = 50;

  @Inject private PlatformStartup platform;

  /**
   * @throws org.mlplatform.search.InvalidQueryException when the text cannot be parsed or expands
   *     too far
   * @throws SearchUnavailableException while the index is not open
   */
  public SearchResult search(SearchQuery query) {
    return index().search(query);
  }

  /** Names starting with {@code prefix}; none for a blank prefix. */
  public List<Suggestion> suggest(String prefix, int limit) {
    if (prefix == null || prefix.isBlank()) {
      return List.of();
    }
    return index().suggest(prefix.strip(), Math.clamp(limit, 1, MAX_SUGGESTIONS));
  }

  private CatalogIndex index() {
    return platform.catalogIndex().orElseThrow(SearchUnavailableException::new);
  }
}
