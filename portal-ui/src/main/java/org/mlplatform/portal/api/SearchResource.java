package org.mlplatform.portal.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlplatform.portal.search.CatalogSearch;
import org.mlplatform.portal.search.SearchParameters;
import org.mlplatform.search.SearchHit;
import org.mlplatform.search.SearchQuery;
import org.mlplatform.search.SearchResult;
import org.mlplatform.search.Suggestion;

/**
 * {@code /api/v1/search}: the catalogue (entities, feature views, features, feature services,
 * models, versions) by free text with facets, and name suggestions as the user types. Parameters
 * are parsed by {@link SearchParameters}; a bad one, or a query the index cannot parse or that
 * expands too far, is a 400 saying why; 503 while the index is opening.
 *
 * <p>Access: reading the catalogue is open to every platform role (DESIGN.md), so every role gets
 * the same hits, counts and facets: the whole catalogue. Calls without a valid token never get
 * here; the bearer filter refuses them.
 */
@Path("search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

  @Inject private CatalogSearch catalog;

  /**
   * {@code {"total", "tookMicros", "hits": [{"type", "id", "name", "link", "highlight", "score"}],
   * "facets": {"type": {...}, "owner": {...}, "tag": {...}, "alias": {...}}, "page", "size"}};
   * {@code highlight} is HTML-escaped with {@code <mark>} around matches, {@code score} is null
   * unless sorted by relevance.
   */
  @GET
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public Map<String, Object> search(
      @QueryParam("q") String text,
      @QueryParam("type") List<String> types,
      @QueryParam("tag") List<String> tags,
      @QueryParam("owner") List<String> owners,
      @QueryParam("alias") List<String> aliases,
      @QueryParam("page") String page,
      @QueryParam("size") String size,
      @QueryParam("sort") String sort,
      @QueryParam("advanced") String advanced) {
    SearchQuery query =
        SearchParameters.query(text, types, tags, owners, aliases, page, size, sort, advanced);
    return json(query, catalog.search(query));
  }

  /** {@code [{"text", "type", "link"}]}: names starting with {@code q}, at most {@code limit}. */
  @GET
  @Path("suggest")
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public List<Map<String, Object>> suggest(
      @QueryParam("q") String prefix, @QueryParam("limit") String limit) {
    return catalog.suggest(prefix, SearchParameters.suggestionLimit(limit)).stream()
        .map(SearchResource::json)
        .toList();
  }

  static Map<String, Object> json(SearchQuery query, SearchResult result) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("total", result.total());
    json.put("tookMicros", result.tookMicros());
    json.put("hits", result.hits().stream().map(SearchResource::json).toList());
    json.put("facets", result.facets());
    json.put("page", query.page());
    json.put("size", query.size());
    return json;
  }

  static Map<String, Object> json(SearchHit hit) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", hit.type().key());
    json.put("id", hit.id());
    json.put("name", hit.name());
    json.put("link", hit.link());
    json.put("highlight", hit.highlight());
    // JSON has no NaN: a hit sorted by name or time has no score.
    json.put("score", Float.isFinite(hit.score()) ? hit.score() : null);
    return json;
  }

  static Map<String, Object> json(Suggestion suggestion) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("text", suggestion.text());
    json.put("type", suggestion.type().key());
    json.put("link", suggestion.link());
    return json;
  }
}
