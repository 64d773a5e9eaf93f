package org.mlplatform.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlplatform.domain.features.EntityDefinition;
import org.mlplatform.domain.features.FeatureDefinition;
import org.mlplatform.domain.features.FeatureRegistry;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.features.InMemoryFeatureCatalog;
import org.mlplatform.domain.features.JoinKey;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.InMemoryModelRepository;
import org.mlplatform.search.CatalogIndex;
import org.mlplatform.search.SearchHit;
import org.mlplatform.search.SearchQuery;

/** Index changes worked out from the catalogue, applied to a real index in a temporary folder. */
class CatalogIndexChangeTest {

  private final InMemoryFeatureCatalog catalog = new InMemoryFeatureCatalog();
  private final FeatureRegistry registry = new FeatureRegistry(catalog);
  private final CatalogDocuments documents =
      new CatalogDocuments(catalog, new InMemoryModelRepository());

  @Test
  void aNewViewVersionDropsTheFeaturesItNoLongerHas(@TempDir Path folder) {
    registry.createEntity(
        new EntityDefinition(
            n("customer"), List.of(new JoinKey(n("customer_id"), FeatureType.INT64)), ""));
    registry.createView(view("amount_avg", "amount_max"));
    try (CatalogIndex index = CatalogIndex.open(folder)) {
      index.rebuild(documents.all());

      registry.updateView(view("amount_avg"));
      documents.changed(CatalogChanged.featureView(n("txn_stats"))).applyTo(index);

      assertThat(ids(index, "amount"))
          .contains("feature:txn_stats:amount_avg")
          .doesNotContain("feature:txn_stats:amount_max");
      assertThat(ids(index, "txn_stats"))
          .contains("feature_view:txn_stats", "feature:txn_stats:amount_avg")
          .doesNotContain("feature:txn_stats:amount_max");

      catalog.deleteView(n("txn_stats"));
      documents.changed(CatalogChanged.featureView(n("txn_stats"))).applyTo(index);

      assertThat(ids(index, "txn_stats")).isEmpty();
      assertThat(ids(index, "customer")).containsExactly("entity:customer");
    }
  }

  private static List<String> ids(CatalogIndex index, String text) {
    SearchQuery query =
        new SearchQuery(
            text, false, Set.of(), Set.of(), Set.of(), Set.of(), 0, 100, SearchQuery.Sort.NAME);
    return index.search(query).hits().stream().map(SearchHit::id).toList();
  }

  private static FeatureViewDefinition view(String... features) {
    return new FeatureViewDefinition(
        n("txn_stats"),
        1,
        List.of(n("customer")),
        java.util.Arrays.stream(features)
            .map(f -> new FeatureDefinition(n(f), FeatureType.FLOAT64, ""))
            .toList(),
        Duration.ZERO,
        "alice",
        Set.of(),
        "Card spend");
  }

  private static ResourceName n(String name) {
    return new ResourceName(name);
  }
}
