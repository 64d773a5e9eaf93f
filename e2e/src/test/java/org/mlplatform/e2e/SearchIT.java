package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.e2e.ModelApi.created;
import static org.mlplatform.e2e.ModelApi.object;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Catalogue search on a running platform: what is defined becomes findable within moments of its
 * commit, an exact name ranks first, typos and prefixes still find it, facets count the matches,
 * hostile queries get 200 or a 400 that says why, deleted items disappear, and the header's search
 * box leads to the results page.
 */
@ExtendWith(RunningPlatform.class)
class SearchIT {

  private static final String RUN = Long.toString(System.nanoTime(), 36);
  private static final String VIEW = "srch_txn_" + RUN;

  private static String alice;

  @BeforeAll
  static void defineCatalogue() {
    alice = Http.accessToken("alice");
    Http.json(
        "POST",
        "/api/v1/entities",
        alice,
        "{\"name\":\"srch_customer_%s\",\"joinKeys\":[{\"name\":\"cid\",\"type\":\"INT64\"}]}"
            .formatted(RUN));
    created(
        Http.json(
            "POST",
            "/api/v1/feature-views",
            alice,
            ("{\"name\":\"%s\",\"entities\":[\"srch_customer_%s\"],\"owner\":\"alice\","
                    + "\"tags\":[\"payments\"],\"description\":\"Spending of each customer\","
                    + "\"features\":[{\"name\":\"amount_avg\",\"type\":\"FLOAT64\","
                    + "\"description\":\"Average transaction amount\"},"
                    + "{\"name\":\"amount_max\",\"type\":\"FLOAT64\"}]}")
                .formatted(VIEW, RUN)));
    ModelApi.createModel("srch_fraud_" + RUN, alice);
  }

  private static HttpResponse<String> search(String query) {
    return Http.get("/api/v1/search?" + query, alice);
  }

  private static String q(String text) {
    return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** The search's answer once it lists {@code name}, waiting at most a few seconds. */
  private static JsonObject awaitHit(String query, String name) {
    long deadline = System.currentTimeMillis() + 5_000;
    while (true) {
      JsonObject result = object(search(query));
      if (names(result).contains(name)) {
        return result;
      }
      assertThat(System.currentTimeMillis()).as(name + " found by " + query).isLessThan(deadline);
      ServingApi.sleep(100);
    }
  }

  private static List<String> names(JsonObject result) {
    return result.getJsonArray("hits").getValuesAs(JsonObject.class).stream()
        .map(h -> h.getString("name"))
        .toList();
  }

  @Test
  void anExactNameRanksFirstAndTyposAndPrefixesStillFind() {
    JsonObject exact = awaitHit(q(VIEW), VIEW);
    JsonObject first = exact.getJsonArray("hits").getJsonObject(0);
    assertThat(first.getString("name")).isEqualTo(VIEW);
    assertThat(first.getString("type")).isEqualTo("feature_view");
    assertThat(first.getString("link")).contains(VIEW);

    JsonObject typo = awaitHit(q("amuont " + RUN), VIEW + ":amount_avg");
    assertThat(names(typo)).contains(VIEW + ":amount_avg");

    JsonArray suggestions =
        (JsonArray)
            Http.json(
                Http.get("/api/v1/search/suggest?" + q("srch_txn_" + RUN.substring(0, 3)), alice)
                    .body());
    assertThat(suggestions.getValuesAs(JsonObject.class))
        .extracting(s -> s.getString("text"))
        .contains(VIEW);
  }

  @Test
  void facetsCountTheMatchesAndFiltersNarrowThem() {
    awaitHit(q(VIEW), VIEW + ":amount_max");
    JsonObject all = object(search(q(VIEW)));
    JsonObject types = all.getJsonObject("facets").getJsonObject("type");
    assertThat(types.getInt("feature")).isEqualTo(2);
    assertThat(types.getInt("feature_view")).isEqualTo(1);
    assertThat(all.getJsonObject("facets").getJsonObject("tag").getInt("payments")).isPositive();
    // Reading the catalogue is open to every role (DESIGN.md): a viewer counts what alice counts.
    JsonObject asViewer = object(Http.get("/api/v1/search?" + q(VIEW), Http.accessToken("victor")));
    assertThat(asViewer.getInt("total")).isEqualTo(all.getInt("total"));
    assertThat(asViewer.getJsonObject("facets")).isEqualTo(all.getJsonObject("facets"));

    JsonObject features = object(search(q(VIEW) + "&type=feature"));
    assertThat(features.getInt("total")).isEqualTo(2);
    assertThat(features.getJsonArray("hits").getJsonObject(0).getString("highlight"))
        .doesNotContain("<script");
  }

  @Test
  void hostileQueriesGetAnAnswerOrA400ThatSaysWhy() {
    for (String text : List.of("*", "a*", "/(a+)+b/", "\"unbalanced", "(((", "]")) {
      HttpResponse<String> plain = search(q(text));
      assertThat(plain.statusCode()).as(text).isEqualTo(200);
    }
    HttpResponse<String> advanced = search(q("name:(\"unbalanced") + "&advanced=true");
    assertThat(advanced.statusCode()).isEqualTo(400);
    assertThat(object(advanced).getString("error")).isNotBlank();
    // A thousand terms (2 KB of URL; more would pass the HTTP header limits before the search).
    HttpResponse<String> many = search(q("t ".repeat(1_000)));
    assertThat(many.statusCode()).isEqualTo(400);
    assertThat(search("q=x&size=100000").statusCode()).isEqualTo(400);
    assertThat(search("q=x&type=planet").statusCode()).isEqualTo(400);
    assertThat(Http.get("/api/v1/search?q=x", null).statusCode()).isEqualTo(401);
  }

  @Test
  void aDeletedItemDisappears() {
    String view = "srch_gone_" + RUN;
    created(
        Http.json(
            "POST",
            "/api/v1/feature-views",
            alice,
            "{\"name\":\"%s\",\"entities\":[\"srch_customer_%s\"],\"features\":[{\"name\":\"f\",\"type\":\"INT64\"}]}"
                .formatted(view, RUN)));
    awaitHit(q(view), view);

    assertThat(Http.json("DELETE", "/api/v1/feature-views/" + view, alice, null).statusCode())
        .isLessThan(300);

    long deadline = System.currentTimeMillis() + 5_000;
    while (names(object(search(q(view)))).contains(view)) {
      assertThat(System.currentTimeMillis()).as(view + " gone").isLessThan(deadline);
      ServingApi.sleep(100);
    }
  }

  @Test
  void theHeaderSearchBoxLeadsToResultsWithFacetsAndSnippets() {
    awaitHit(q(VIEW), VIEW);
    try (Browser browser = new Browser()) {
      browser.driver.get(RunningPlatform.BASE + "/models");
      KeycloakLoginPage.expect(browser).logInAs("alice").waitForText("Models");
      WebElement box =
          browser
              .waitUpTo(30)
              .until(ExpectedConditions.visibilityOfElementLocated(By.id("header-search")))
              .findElement(By.cssSelector("input"));
      box.sendKeys(VIEW);
      box.sendKeys(Keys.ENTER);
      browser
          .waitUpTo(30)
          .until(ExpectedConditions.textToBePresentInElementLocated(By.id("search-results"), VIEW));
      assertThat(browser.driver.findElement(By.id("search-facets")).getText()).contains("feature");
      assertThat(browser.driver.getCurrentUrl()).contains("search?q=");
      browser.screenshot("search");
    }
  }
}
