package org.mlplatform.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestTest extends IndexedCatalogue {

  private static List<String> texts(String prefix, int limit) {
    return index.suggest(prefix, limit).stream().map(Suggestion::text).toList();
  }

  @Test
  void namesStartingWithThePrefixComeFirstShortestFirst() {
    assertThat(texts("fra", 10))
        .containsExactly(
            "fraud", "fraud v1", "fraud v2", "fraud v3", "fraud_online", "fraud_detector_legacy");
  }

  @Test
  void wordsInsideNamesAreSuggestedAfterWholeNames() {
    assertThat(texts("amount", 10)).containsExactly("txn_stats:amount_avg", "txn_stats:amount_max");
    assertThat(texts("cust", 10))
        .containsExactly("customer", "customer_profile", "customer_profile:age");
    // "txn" starts two names and is a later word of txn_stats:txn_count
    assertThat(texts("txn", 10).subList(0, 1)).containsExactly("txn_stats");
    assertThat(texts("txn c", 10)).containsExactly("txn_stats:txn_count");
  }

  @Test
  void separatorsAndCaseDoNotMatter() {
    assertThat(texts("TXN STATS:AMOUNT ", 10))
        .containsExactly("txn_stats:amount_avg", "txn_stats:amount_max");
    assertThat(texts("Txn-Stats.Amount_A", 10)).containsExactly("txn_stats:amount_avg");
    assertThat(texts("txn_stats:amount_m", 10)).containsExactly("txn_stats:amount_max");
  }

  @Test
  void suggestionsCarryTypeAndLinkAndHonourTheLimit() {
    List<Suggestion> two = index.suggest("fraud", 2);
    assertThat(two).hasSize(2);
    assertThat(two.getFirst())
        .isEqualTo(new Suggestion("fraud", DocumentType.MODEL, "models/fraud"));
    assertThat(index.suggest("zzz", 10)).isEmpty();
  }
}
