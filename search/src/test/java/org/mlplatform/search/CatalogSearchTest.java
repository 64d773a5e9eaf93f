package org.mlplatform.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogSearchTest extends IndexedCatalogue {

  private static List<String> ids(SearchResult result) {
    return result.hits().stream().map(SearchHit::id).toList();
  }

  private static SearchQuery query(
      String text,
      Set<DocumentType> types,
      Set<String> tags,
      int page,
      int size,
      SearchQuery.Sort sort) {
    return new SearchQuery(text, false, types, tags, Set.of(), Set.of(), page, size, sort);
  }

  @Test
  void anExactNameMatchRanksFirst() {
    assertThat(ids(index.search(SearchQuery.of("fraud")))).first().isEqualTo("model:fraud");
    assertThat(ids(index.search(SearchQuery.of("FRAUD"))).getFirst()).isEqualTo("model:fraud");
    assertThat(ids(index.search(SearchQuery.of("fraud v3"))).getFirst())
        .isEqualTo("model_version:fraud:3");
    assertThat(ids(index.search(SearchQuery.of("txn_stats:amount_avg"))).getFirst())
        .isEqualTo("feature:txn_stats:amount_avg");
  }

  @Test
  void namesAreSplitOnSeparatorsSoEachWordFindsThem() {
    assertThat(ids(index.search(SearchQuery.of("amount"))))
        .containsExactlyInAnyOrder("feature:txn_stats:amount_avg", "feature:txn_stats:amount_max");
    assertThat(ids(index.search(SearchQuery.of("amount_avg"))))
        .containsExactly("feature:txn_stats:amount_avg");
    assertThat(ids(index.search(SearchQuery.of("txn")))).contains("feature_view:txn_stats");
  }

  @Test
  void aNameWordOutranksATagWhichOutranksTheDescription() {
    // "payments": a tag of several items, a word in the fraud model's description
    List<String> payments = ids(index.search(SearchQuery.of("payments")));
    assertThat(payments).contains("model:fraud", "feature_view:txn_stats");
    // "customer": the entity's name, a name word of customer_profile, a description word of others
    List<String> customer = ids(index.search(SearchQuery.of("customer")));
    assertThat(customer.subList(0, 2))
        .containsExactly("entity:customer", "feature_view:customer_profile");
    assertThat(customer).contains("feature:customer_profile:age");
  }

  @Test
  void prefixesAndTyposFindNames() {
    assertThat(ids(index.search(SearchQuery.of("cust")))).contains("entity:customer");
    assertThat(ids(index.search(SearchQuery.of("fruad"))).getFirst()).isEqualTo("model:fraud");
    assertThat(ids(index.search(SearchQuery.of("custmer")))).contains("entity:customer");
    assertThat(ids(index.search(SearchQuery.of("amount_av"))))
        .containsExactly("feature:txn_stats:amount_avg");
  }

  @Test
  void moreWordsNarrowTheResult() {
    long one = index.search(SearchQuery.of("fraud")).total();
    long two = index.search(SearchQuery.of("fraud legacy")).total();
    assertThat(two).isLessThan(one);
    assertThat(ids(index.search(SearchQuery.of("fraud legacy"))))
        .containsExactly("model:fraud_detector_legacy");
  }

  @Test
  void descriptionsAreStemmedEnglish() {
    assertThat(ids(index.search(SearchQuery.of("transaction"))))
        .contains("feature_view:txn_stats", "feature:txn_stats:txn_count");
  }

  @Test
  void aliasesAndOwnersAreSearchable() {
    assertThat(ids(index.search(SearchQuery.of("champion"))))
        .containsExactly("model_version:fraud:3");
    assertThat(ids(index.search(SearchQuery.of("crm")))).contains("model:churn");
  }

  @Test
  void emptyTextMatchesEverythingByName() {
    SearchResult all =
        index.search(query("", Set.of(), Set.of(), 0, 100, SearchQuery.Sort.RELEVANCE));
    assertThat(all.total()).isEqualTo(Docs.catalogue().size());
    List<String> names = all.hits().stream().map(SearchHit::name).toList();
    assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
  }

  @Test
  void facetsCountAllMatchesNotJustThePage() {
    SearchResult result = index.search(query("", Set.of(), Set.of(), 0, 1, SearchQuery.Sort.NAME));
    assertThat(result.hits()).hasSize(1);
    assertThat(result.facets()).containsOnlyKeys("type", "owner", "tag", "alias");
    assertThat(result.facets().get("type"))
        .containsEntry("feature", 4L)
        .containsEntry("model_version", 3L)
        .containsEntry("model", 3L)
        .containsEntry("feature_view", 2L)
        .containsEntry("entity", 1L)
        .containsEntry("feature_service", 1L);
    assertThat(result.facets().get("tag")).containsEntry("payments", 6L).containsEntry("pii", 2L);
    assertThat(result.facets().get("alias"))
        .containsExactly(
            java.util.Map.entry("challenger", 1L), java.util.Map.entry("champion", 1L));
    // biggest counts first
    assertThat(result.facets().get("owner").keySet()).first().isEqualTo("ml-team");
  }

  @Test
  void filtersRestrictHitsAndFacets() {
    SearchResult models =
        index.search(
            query(
                "fraud", Set.of(DocumentType.MODEL), Set.of(), 0, 20, SearchQuery.Sort.RELEVANCE));
    assertThat(ids(models)).containsExactly("model:fraud", "model:fraud_detector_legacy");
    assertThat(models.facets().get("type")).containsExactly(java.util.Map.entry("model", 2L));

    SearchResult pii =
        index.search(query("", Set.of(), Set.of("pii"), 0, 20, SearchQuery.Sort.NAME));
    assertThat(ids(pii))
        .containsExactly("feature_view:customer_profile", "feature:customer_profile:age");

    SearchResult champions =
        index.search(
            new SearchQuery(
                "",
                false,
                Set.of(),
                Set.of(),
                Set.of("ml-team"),
                Set.of("champion"),
                0,
                20,
                SearchQuery.Sort.NAME));
    assertThat(ids(champions)).containsExactly("model_version:fraud:3");
  }

  @Test
  void pagesFollowTheSortWithoutOverlap() {
    SearchQuery.Sort byName = SearchQuery.Sort.NAME;
    List<String> all = ids(index.search(query("", Set.of(), Set.of(), 0, 100, byName)));
    List<String> first = ids(index.search(query("", Set.of(), Set.of(), 0, 5, byName)));
    List<String> second = ids(index.search(query("", Set.of(), Set.of(), 1, 5, byName)));
    assertThat(first).isEqualTo(all.subList(0, 5));
    assertThat(second).isEqualTo(all.subList(5, 10));
    SearchResult beyond = index.search(query("", Set.of(), Set.of(), 10, 5, byName));
    assertThat(beyond.hits()).isEmpty();
    assertThat(beyond.total()).isEqualTo(all.size());
  }

  @Test
  void sortsByLastUpdateNewestFirst() {
    SearchResult versions =
        index.search(
            query(
                "", Set.of(DocumentType.MODEL_VERSION), Set.of(), 0, 20, SearchQuery.Sort.UPDATED));
    assertThat(ids(versions))
        .containsExactly("model_version:fraud:3", "model_version:fraud:2", "model_version:fraud:1");
  }

  @Test
  void highlightsMatchedWordsInTheDescription() {
    SearchHit hit = index.search(SearchQuery.of("churn customers")).hits().getFirst();
    assertThat(hit.id()).isEqualTo("model:churn");
    assertThat(hit.highlight()).isEqualTo("Predicts which <mark>customers</mark> leave");
    assertThat(hit.link()).isEqualTo("models/churn");
    assertThat(hit.type()).isEqualTo(DocumentType.MODEL);
  }

  @Test
  void withoutAMatchInTheDescriptionItsHeadIsShown() {
    SearchHit hit = index.search(SearchQuery.of("churn")).hits().getFirst();
    assertThat(hit.highlight()).isEqualTo("Predicts which customers leave");
  }

  @Test
  void snippetsEscapeMarkupInDescriptions(@TempDir Path other) {
    try (CatalogIndex own = CatalogIndex.open(other.resolve("index"))) {
      own.upsert(
          List.of(
              Docs.model("xss", "<script>alert('x')</script> & a fraud <b>model</b>", "ml-team"),
              Docs.model("no_description_fraud", "", "ml-team")));

      SearchHit xss = own.search(SearchQuery.of("xss fraud")).hits().getFirst();
      assertThat(xss.highlight())
          .isEqualTo(
              "&lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2F;script&gt; &amp; a <mark>fraud</mark>"
                  + " &lt;b&gt;model&lt;&#x2F;b&gt;");
      SearchHit unmatched = own.search(SearchQuery.of("xss")).hits().getFirst();
      assertThat(unmatched.highlight()).startsWith("&lt;script&gt;").doesNotContain("<mark>");
      SearchHit nameOnly = own.search(SearchQuery.of("no_description_fraud")).hits().getFirst();
      assertThat(nameOnly.highlight())
          .isEqualTo("<mark>no</mark>_<mark>description</mark>_<mark>fraud</mark>");
    }
  }

  @Test
  void advancedSyntaxUsesFieldsAndOperators() {
    SearchQuery advanced =
        new SearchQuery(
            "name:fraud* AND NOT tag:payments",
            true,
            Set.of(),
            Set.of(),
            Set.of(),
            Set.of(),
            0,
            20,
            SearchQuery.Sort.NAME);
    assertThat(ids(index.search(advanced)))
        .containsExactly(
            "model_version:fraud:1",
            "model_version:fraud:2",
            "model_version:fraud:3",
            "model:fraud_detector_legacy");
  }

  @Test
  void badPagingIsRefusedWithAReason() {
    assertThatThrownBy(() -> query("x", Set.of(), Set.of(), 0, 0, SearchQuery.Sort.NAME))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("size");
    assertThatThrownBy(() -> query("x", Set.of(), Set.of(), -1, 10, SearchQuery.Sort.NAME))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("page");
    assertThatThrownBy(
            () ->
                index.search(query("x", Set.of(), Set.of(), 1_000_000, 100, SearchQuery.Sort.NAME)))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("too deep");
    assertThatThrownBy(() -> DocumentType.fromKey("dataset"))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("feature_view");
  }
}
