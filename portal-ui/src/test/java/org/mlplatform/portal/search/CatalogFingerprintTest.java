package org.mlplatform.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlplatform.search.CatalogDocument;
import org.mlplatform.search.DocumentType;

/** The fingerprint tells at start whether the index still matches the database. */
class CatalogFingerprintTest {

  private final CatalogDocument model =
      doc("model:fraud", "Catches fraud", List.of("fraud", "payments"), List.of("champion"));
  private final CatalogDocument view = doc("feature_view:txn_stats", "Spend", List.of(), List.of());

  @Test
  void isStableOverOrderAndRepetition() {
    String once = CatalogFingerprint.of(List.of(model, view), 1);

    assertThat(CatalogFingerprint.of(List.of(view, model), 1)).isEqualTo(once).hasSize(64);
    assertThat(
            CatalogFingerprint.of(
                List.of(
                    view,
                    doc(
                        "model:fraud",
                        "Catches fraud",
                        List.of("payments", "fraud"),
                        List.of("champion"))),
                1))
        .isEqualTo(once);
  }

  @Test
  void changesWithAnyContentTheIndexHolds() {
    String before = CatalogFingerprint.of(List.of(model, view), 1);

    assertThat(CatalogFingerprint.of(List.of(model), 1)).isNotEqualTo(before);
    assertThat(
            CatalogFingerprint.of(
                List.of(doc("model:fraud", "Catches fraud", List.of("fraud"), List.of()), view), 1))
        .isNotEqualTo(before);
    assertThat(
            CatalogFingerprint.of(
                List.of(
                    doc("model:fraud", "Catches more fraud", model.tags(), model.aliases()), view),
                1))
        .isNotEqualTo(before);
    assertThat(CatalogFingerprint.of(List.of(model, view), 2)).isNotEqualTo(before);
  }

  @Test
  void fieldBoundariesMatter() {
    assertThat(CatalogFingerprint.of(List.of(doc("model:ab", "c", List.of(), List.of())), 1))
        .isNotEqualTo(
            CatalogFingerprint.of(List.of(doc("model:a", "bc", List.of(), List.of())), 1));
  }

  @Test
  void followsChangesToTheSameValueARecomputationGives() {
    CatalogDocument feature = doc("feature:txn_stats:spend", "Spend", List.of(), List.of());
    CatalogDocument otherView = doc("feature_view:txn", "Other", List.of(), List.of());
    CatalogFingerprint followed =
        CatalogFingerprint.over(List.of(model, view, feature, otherView), 1);
    CatalogDocument retagged = doc("model:fraud", "Catches fraud", List.of("risk"), List.of());

    followed.apply(
        new IndexChange(List.of("feature_view:txn"), List.of("feature:txn_stats:"), List.of()));
    followed.apply(new IndexChange(List.of(), List.of(), List.of(retagged)));

    assertThat(followed.value()).isEqualTo(CatalogFingerprint.of(List.of(retagged, view), 1));
  }

  @Test
  void aWriteAfterARemovedPrefixSurvivesAsInTheIndex() {
    CatalogDocument feature = doc("feature:txn_stats:spend", "Spend", List.of(), List.of());
    CatalogFingerprint followed = CatalogFingerprint.over(List.of(view, feature), 1);

    followed.apply(new IndexChange(List.of(), List.of("feature:txn_stats:"), List.of(feature)));

    assertThat(followed.value()).isEqualTo(CatalogFingerprint.of(List.of(view, feature), 1));
  }

  @Test
  void anEmptyCatalogueHasAFingerprintToo() {
    assertThat(CatalogFingerprint.of(List.of(), 1))
        .isEqualTo(CatalogFingerprint.of(List.of(), 1))
        .isNotEqualTo(CatalogFingerprint.of(List.of(), 2));
  }

  private static CatalogDocument doc(
      String id, String description, List<String> tags, List<String> aliases) {
    return new CatalogDocument(
        id,
        id.startsWith("model") ? DocumentType.MODEL : DocumentType.FEATURE_VIEW,
        id.substring(id.indexOf(':') + 1),
        description,
        tags,
        "alice",
        aliases,
        Map.of("auc", 0.9),
        "models/x",
        Instant.EPOCH);
  }
}
