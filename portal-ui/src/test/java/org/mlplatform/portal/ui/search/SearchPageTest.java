package org.mlplatform.portal.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mlplatform.search.DocumentType;
import org.mlplatform.search.SearchQuery;
import org.mlplatform.search.SearchQuery.Sort;

/** The results page's query edits, facet lists, words and the header box's link. */
class SearchPageTest {

  private final SearchQuery onPage3 =
      new SearchQuery("fraud", false, Set.of(), Set.of(), Set.of(), Set.of(), 3, 20, Sort.NAME);

  @Test
  void everyEditButPagingGoesBackToTheFirstPage() {
    SearchQuery typed = QueryEdits.facet(onPage3, "type", Set.of("model", "feature_view"));

    assertThat(typed.types())
        .containsExactlyInAnyOrder(DocumentType.MODEL, DocumentType.FEATURE_VIEW);
    assertThat(typed.page()).isZero();
    assertThat(QueryEdits.selected(typed, "type"))
        .containsExactlyInAnyOrder("model", "feature_view");
    assertThat(QueryEdits.facet(onPage3, "owner", Set.of("alice")).owners())
        .containsExactly("alice");
    assertThat(QueryEdits.text(onPage3, " churn ", true))
        .extracting(SearchQuery::text, SearchQuery::advanced, SearchQuery::page, SearchQuery::sort)
        .containsExactly("churn", true, 0, Sort.NAME);
    assertThat(QueryEdits.sort(onPage3, Sort.UPDATED).page()).isZero();
    assertThat(QueryEdits.page(onPage3, 4).page()).isEqualTo(4);
  }

  @Test
  void aSelectedValueStaysListedWithoutHits() {
    SearchQuery tagged = QueryEdits.facet(onPage3, "tag", Set.of("payments"));

    assertThat(FacetPanel.counts(Map.of("risk", 3L), tagged, "tag"))
        .containsExactly(Map.entry("risk", 3L), Map.entry("payments", 0L));
  }

  @Test
  void wordsForTotalsTypesAndPages() {
    assertThat(SearchText.total(1, 420)).isEqualTo("1 result in 0.4 ms");
    assertThat(SearchText.total(12, 25_300)).isEqualTo("12 results in 25 ms");
    assertThat(SearchText.typeKey("feature_service")).isEqualTo("feature service");
    assertThat(SearchText.typeKey("unknown")).isEqualTo("unknown");
    assertThat(SearchText.page(0, 20, 0)).isEqualTo("Page 1 of 1");
    assertThat(SearchText.page(1, 20, 41)).isEqualTo("Page 2 of 3");
  }

  @Test
  void theHeaderBoxLinksToTheResultsPage() {
    assertThat(HeaderSearch.resultsLink(" fraud v3 ")).isEqualTo("search?q=fraud%20v3");
  }

  @Test
  void aSnippetIsRenderedAsItsEscapedHtml() {
    String highlight = "&lt;b&gt; <mark>fraud</mark>";

    assertThat(HitCard.snippet(highlight).getElement().getProperty("innerHTML"))
        .isEqualTo(highlight);
  }
}
