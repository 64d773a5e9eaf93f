package org.mlplatform.domain.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.DomainValidationException;

class FeatureViewDefinitionTest {

  private static ResourceName n(String name) {
    return new ResourceName(name);
  }

  private static FeatureViewDefinition view(Duration ttl, FeatureDefinition... features) {
    return new FeatureViewDefinition(
        n("txn_stats"), 1, List.of(n("customer")), List.of(features), ttl, "alice", Set.of(), "");
  }

  private static FeatureDefinition f(String name, FeatureType type) {
    return new FeatureDefinition(n(name), type, null);
  }

  @Test
  void refusesDuplicateAndReservedFeatureNamesNamingTheField() {
    assertThatThrownBy(
            () ->
                view(
                    Duration.ZERO,
                    f("amount", FeatureType.FLOAT64),
                    f("amount", FeatureType.INT64)))
        .isInstanceOfSatisfying(
            DomainValidationException.class,
            e -> assertThat(e.field()).isEqualTo("features[1].name"))
        .hasMessageContaining("duplicate name amount");
    assertThatThrownBy(() -> view(Duration.ZERO, f("event_timestamp", FeatureType.TIMESTAMP)))
        .hasMessageContaining("reserved");
  }

  @Test
  void ttlBoundaryIsInclusiveAndZeroMeansForever() {
    Instant event = Instant.parse("2026-01-01T00:00:00Z");
    FeatureViewDefinition daily = view(Duration.ofDays(1), f("x", FeatureType.INT64));

    assertThat(daily.isFresh(event, event.plus(Duration.ofDays(1)))).isTrue();
    assertThat(daily.isFresh(event, event.plus(Duration.ofDays(1)).plusMillis(1))).isFalse();
    assertThat(view(Duration.ZERO, f("x", FeatureType.INT64)).isFresh(event, Instant.MAX)).isTrue();
  }

  @Test
  void aTypeChangeIsASchemaChangeADescriptionIsNot() {
    FeatureViewDefinition v1 = view(Duration.ZERO, f("x", FeatureType.INT64));

    assertThat(v1.hasSameSchemaAs(view(Duration.ofDays(2), f("x", FeatureType.INT64)))).isTrue();
    assertThat(v1.hasSameSchemaAs(view(Duration.ZERO, f("x", FeatureType.FLOAT64)))).isFalse();
  }

  @Test
  void featureRefsParseAndNameTheirColumn() {
    FeatureRef ref = FeatureRef.parse("features[0]", "txn_stats:amount_avg");

    assertThat(ref.columnName()).isEqualTo("txn_stats__amount_avg");
    assertThatThrownBy(() -> FeatureRef.parse("features[1]", "txn_stats"))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("features[1]"));
    assertThatThrownBy(() -> FeatureRef.parse("features[2]", "a:b:c"))
        .hasMessageContaining("view:feature");
  }
}
