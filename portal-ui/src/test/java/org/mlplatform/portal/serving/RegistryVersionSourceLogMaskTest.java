package org.mlplatform.portal.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.features.FeatureDefinition;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.features.InMemoryFeatureCatalog;
import org.mlplatform.domain.features.PersonalData;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.FeatureMapping;
import org.mlplatform.serving.engine.LogMask;

/** A served version's personal inputs come from its feature mapping and the views' pii tags. */
class RegistryVersionSourceLogMaskTest {

  private final InMemoryFeatureCatalog catalog = new InMemoryFeatureCatalog();

  private void view(String name, Set<String> tags, String... features) {
    catalog.saveView(
        new FeatureViewDefinition(
            new ResourceName(name),
            1,
            List.of(new ResourceName("customer")),
            List.of(features).stream()
                .map(f -> new FeatureDefinition(new ResourceName(f), FeatureType.FLOAT64, null))
                .toList(),
            Duration.ZERO,
            "alice",
            tags,
            ""));
  }

  private LogMask mask(FeatureMapping mapping) {
    return RegistryVersionSource.logMask(
        mapping, refs -> PersonalData.personal(refs, catalog::latestView));
  }

  @Test
  void masksTheFeaturesOfViewsTaggedPiiWhateverTheirSpelling() {
    view("customers", Set.of("pii"), "age", "income");
    view("txn_stats", Set.of("payments"), "amount_avg");

    LogMask mask =
        mask(
            new FeatureMapping(
                "input", List.of("txn_stats:amount_avg", "customers:age", "customers__income")));

    assertThat(mask.features()).containsExactly("customers:age", "customers__income");
  }

  @Test
  void versionsWithoutPersonalOrNamedFeaturesLogInClear() {
    view("txn_stats", Set.of(), "amount_avg");

    assertThat(mask(FeatureMapping.of(List.of("txn_stats:amount_avg")))).isSameAs(LogMask.NONE);
    assertThat(mask(FeatureMapping.of(List.of("f0", "f1")))).isSameAs(LogMask.NONE);
    assertThat(mask(FeatureMapping.none())).isSameAs(LogMask.NONE);
  }
}
