package org.mlplatform.domain.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.features.stats.ColumnStatistics;
import org.mlplatform.domain.features.stats.NumericSummary;

class PersonalDataTest {

  private static FeatureViewDefinition view(String name, Set<String> tags) {
    return new FeatureViewDefinition(
        new ResourceName(name),
        1,
        List.of(new ResourceName("customer")),
        List.of(new FeatureDefinition(new ResourceName("age"), FeatureType.INT64, null)),
        Duration.ZERO,
        "alice",
        tags,
        "");
  }

  @Test
  void aViewIsPersonalWhenTaggedPii() {
    assertThat(PersonalData.isPersonal(view("customers", Set.of("pii", "crm")))).isTrue();
    assertThat(PersonalData.isPersonal(view("txn_stats", Set.of("payments")))).isFalse();
    assertThat(PersonalData.isPersonal(view("txn_stats", Set.of("PII-free")))).isFalse();
  }

  @Test
  void picksTheReferencesOfTaggedViewsAndTreatsUnknownViewsAsNotPersonal() {
    Map<String, FeatureViewDefinition> views =
        Map.of(
            "customers", view("customers", Set.of("pii")),
            "txn_stats", view("txn_stats", Set.of()));
    List<FeatureRef> refs =
        List.of(
            FeatureRef.parse("f", "txn_stats:amount"),
            FeatureRef.parse("f", "customers:age"),
            FeatureRef.parse("f", "gone:x"),
            FeatureRef.parse("f", "customers:postcode"));

    Set<FeatureRef> personal =
        PersonalData.personal(refs, name -> Optional.ofNullable(views.get(name.value())));

    assertThat(personal)
        .containsExactly(
            FeatureRef.parse("f", "customers:age"), FeatureRef.parse("f", "customers:postcode"));
  }

  @Test
  void maskedStatisticsKeepCountsOnly() {
    ColumnStatistics stats =
        new ColumnStatistics(
            "age",
            FeatureType.INT64,
            10,
            1,
            0,
            0,
            7L,
            false,
            new NumericSummary(18, 90, 40, 12, Map.of("p50", 40.0), List.of()),
            List.of(),
            0,
            null);

    ColumnStatistics masked = stats.masked();

    assertThat(masked.count()).isEqualTo(10);
    assertThat(masked.nullCount()).isEqualTo(1);
    assertThat(masked.numeric()).isNull();
    assertThat(masked.distinctCount()).isNull();
    assertThat(masked.notComputable()).contains("pii");
  }
}
