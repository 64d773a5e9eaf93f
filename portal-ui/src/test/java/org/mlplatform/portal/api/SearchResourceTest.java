package org.mlplatform.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlplatform.search.DocumentType;
import org.mlplatform.search.SearchHit;
import org.mlplatform.search.SearchQuery;
import org.mlplatform.search.SearchResult;
import org.mlplatform.search.Suggestion;

/** The search resource's answers and errors, without a server. */
class SearchResourceTest {

  @Test
  void answersHitsFacetsAndPaging() {
    SearchHit hit =
        new SearchHit(
            "model:fraud", DocumentType.MODEL, "fraud", "models/fraud", "<mark>fraud</mark>", 2.5f);
    SearchResult result =
        new SearchResult(41, List.of(hit), Map.of("type", Map.of("model", 1L)), 380);

    Map<String, Object> json = SearchResource.json(SearchQuery.of("fraud"), result);

    assertThat(json)
        .containsExactly(
            Map.entry("total", 41L),
            Map.entry("tookMicros", 380L),
            Map.entry(
                "hits",
                List.of(
                    Map.of(
                        "type", "model",
                        "id", "model:fraud",
                        "name", "fraud",
                        "link", "models/fraud",
                        "highlight", "<mark>fraud</mark>",
                        "score", 2.5f))),
            Map.entry("facets", Map.of("type", Map.of("model", 1L))),
            Map.entry("page", 0),
            Map.entry("size", 20));
  }

  @Test
  void aHitSortedByNameHasNoScore() {
    Map<String, Object> json =
        SearchResource.json(
            new SearchHit(
                "entity:customer", DocumentType.ENTITY, "customer", "features", "", Float.NaN));

    assertThat(json).containsEntry("score", null).containsEntry("type", "entity");
  }

  @Test
  void suggestionsNameTheirTypeByKey() {
    assertThat(
            SearchResource.json(
                new Suggestion("txn_stats", DocumentType.FEATURE_VIEW, "features/txn_stats")))
        .containsExactly(
            Map.entry("text", "txn_stats"),
            Map.entry("type", "feature_view"),
            Map.entry("link", "features/txn_stats"));
  }
}
