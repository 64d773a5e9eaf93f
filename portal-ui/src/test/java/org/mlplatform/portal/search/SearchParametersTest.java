package org.mlplatform.portal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mlplatform.search.DocumentType;
import org.mlplatform.search.InvalidQueryException;
import org.mlplatform.search.SearchQuery;
import org.mlplatform.search.SearchQuery.Sort;

/** REST and URL parameters to a search query; every mistake is a 400 naming the parameter. */
class SearchParametersTest {

  @Test
  void nothingGivenIsTheDefaultQuery() {
    assertThat(query(null, null, null, null, null)).isEqualTo(SearchQuery.of(""));
    assertThat(query(" ", " ", "", "", "")).isEqualTo(SearchQuery.of(""));
  }

  @Test
  void parsesEveryParameter() {
    SearchQuery q =
        SearchParameters.query(
            " fraud ",
            List.of("model", "feature_view,feature", " "),
            List.of("payments", "risk"),
            List.of("alice"),
            List.of("champion"),
            "2",
            "50",
            "Updated",
            "TRUE");

    assertThat(q)
        .isEqualTo(
            new SearchQuery(
                "fraud",
                true,
                Set.of(DocumentType.MODEL, DocumentType.FEATURE_VIEW, DocumentType.FEATURE),
                Set.of("payments", "risk"),
                Set.of("alice"),
                Set.of("champion"),
                2,
                50,
                Sort.UPDATED));
  }

  @Test
  void badPagingIsRefusedWithTheReason() {
    assertInvalid(() -> query("x", "abc", null, null, null), "page must be a whole number");
    assertInvalid(() -> query("x", "-1", null, null, null), "page must be 0 or more");
    assertInvalid(() -> query("x", null, "0", null, null), "size must be between 1 and 100");
    assertInvalid(() -> query("x", null, "101", null, null), "size must be between 1 and 100");
    assertInvalid(() -> query("x", null, "1e3", null, null), "size must be a whole number");
    assertInvalid(() -> query("x", "100", "100", null, null), "reaches past hit 10000");
  }

  @Test
  void unknownTypesSortsAndFlagsAreRefused() {
    assertInvalid(
        () ->
            SearchParameters.query(
                "x", List.of("modell"), null, null, null, null, null, null, null),
        "unknown type 'modell'");
    assertInvalid(() -> query("x", null, null, "newest", null), "valid sorts: relevance, name");
    assertInvalid(() -> query("x", null, null, null, "yes"), "advanced must be true or false");
    assertInvalid(() -> query("x".repeat(1001), null, null, null, null), "at most 1000");
  }

  @Test
  void aQueryRoundTripsThroughItsUrl() {
    SearchQuery q =
        new SearchQuery(
            "fraud v3",
            true,
            Set.of(DocumentType.MODEL_VERSION),
            Set.of("payments"),
            Set.of("Risk team, EMEA"),
            Set.of("champion"),
            3,
            20,
            Sort.NAME);

    Map<String, List<String>> url = SearchParameters.toUrl(q);

    assertThat(url)
        .containsEntry("q", List.of("fraud v3"))
        .containsEntry("type", List.of("model_version"))
        .containsEntry("page", List.of("3"))
        .containsEntry("sort", List.of("name"))
        .doesNotContainKey("size");
    assertThat(SearchParameters.fromUrl(url)).isEqualTo(q);
    assertThat(SearchParameters.toUrl(SearchQuery.of(""))).isEmpty();
  }

  @Test
  void suggestionLimitsAreBounded() {
    assertThat(SearchParameters.suggestionLimit(null)).isEqualTo(10);
    assertThat(SearchParameters.suggestionLimit("50")).isEqualTo(50);
    assertInvalid(() -> SearchParameters.suggestionLimit("0"), "limit must be between 1 and 50");
    assertInvalid(() -> SearchParameters.suggestionLimit("ten"), "limit must be a whole number");
  }

  private static SearchQuery query(
      String text, String page, String size, String sort, String advanced) {
    return SearchParameters.query(text, null, null, null, null, page, size, sort, advanced);
  }

  private static void assertInvalid(Runnable call, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining(message);
  }
}
