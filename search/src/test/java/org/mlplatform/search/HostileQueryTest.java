package org.mlplatform.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever a user types, the answer is a result or an {@link InvalidQueryException}. */
class HostileQueryTest extends IndexedCatalogue {

  private static SearchQuery advanced(String text) {
    return new SearchQuery(
        text, true, Set.of(), Set.of(), Set.of(), Set.of(), 0, 20, SearchQuery.Sort.RELEVANCE);
  }

  private static String words(int count) {
    return IntStream.range(0, count).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "*",
        "?",
        "a*",
        "*fraud",
        "/(a+)+b/",
        "/[/",
        "\"fraud",
        "fraud\"",
        "(fraud",
        "fraud)",
        "[a TO",
        "{",
        "fraud~",
        "fraud^",
        "AND",
        "OR NOT",
        "\\",
        "name:",
        ":",
        "!",
        "&&",
        "<script>",
        "fraud -",
        "+++"
      })
  void simpleModeTreatsSyntaxAsText(String text) {
    SearchResult result = index.search(SearchQuery.of(text));
    assertThat(result.total()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void simpleModeFindsWordsAroundStrayPunctuation() {
    assertThat(index.search(SearchQuery.of("\"fraud")).hits().getFirst().id())
        .isEqualTo("model:fraud");
    assertThat(index.search(SearchQuery.of("(churn)")).hits().getFirst().id())
        .isEqualTo("model:churn");
  }

  @Test
  void aLoneStarIsLiteralAndMatchesNothing() {
    assertThat(index.search(SearchQuery.of("*")).total()).isZero();
  }

  @Test
  void simpleModeRefusesTooManyWordsOrCharacters() {
    assertThatThrownBy(() -> index.search(SearchQuery.of(words(5_000))))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("characters");
    assertThatThrownBy(() -> index.search(SearchQuery.of(words(65))))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("65 words")
        .hasMessageContaining("64");
    assertThat(index.search(SearchQuery.of(words(64))).total()).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "*", "\"fraud", "fraud\"", "(fraud", "fraud)", "[a TO", "/[/", "name:", "AND", "?"
      })
  void advancedModeExplainsWhatItCannotParse(String text) {
    assertThatThrownBy(() -> index.search(advanced(text)))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageStartingWith("cannot parse the query: ");
  }

  @Test
  void parseErrorsGiveTheReasonWithoutEchoingTheQuery() {
    assertThatThrownBy(() -> index.search(advanced("fraud AND (churn")))
        .hasMessageStartingWith("cannot parse the query: Encountered")
        .hasMessageNotContaining("fraud AND");
  }

  @Test
  void advancedModeRunsPatternsThatCanBeRun() {
    assertThat(index.search(advanced("a*")).total()).isPositive();
    assertThat(index.search(advanced("/(a+)+b/")).total()).isZero();
    assertThat(index.search(advanced("name:/fr.u?d/")).total()).isPositive();
    assertThat(index.search(advanced("*:*")).total()).isEqualTo(Docs.catalogue().size());
  }

  @Test
  void aPatternTooComplexToRunIsRefused() {
    // A classic automaton blow-up: determinising needs about 2^n states.
    assertThatThrownBy(() -> index.search(advanced("name:/(a|b)*a(a|b){40}/")))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("too complex");
  }

  @Test
  void thousandsOfTermsExceedTheClauseLimitAndSaySo() {
    assertThatThrownBy(() -> index.search(advanced(words(1_500))))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("clauses");
  }

  @Test
  void deepNestingIsRefusedBeforeParsing() {
    assertThatThrownBy(() -> index.search(advanced("(".repeat(3_000) + "a" + ")".repeat(3_000))))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("nested");
  }

  @Test
  void suggestionsIgnoreAnything() {
    for (String text : new String[] {"", " ", "*", "/(a+)+b/", "\"", "x".repeat(10_000), "((("}) {
      assertThat(index.suggest(text, 10)).isNotNull();
    }
    assertThat(index.suggest("fr", 0)).isEmpty();
    assertThat(index.suggest(null, 10)).isEmpty();
  }
}
