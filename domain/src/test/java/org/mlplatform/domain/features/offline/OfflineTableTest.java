package org.mlplatform.domain.features.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.EntityDefinition;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.FeatureDefinition;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.features.JoinKey;
import org.mlplatform.domain.features.ResourceName;

class OfflineTableTest {

  private static ResourceName name(String value) {
    return new ResourceName(value);
  }

  private static JoinKey key(String name) {
    return new JoinKey(name(name), FeatureType.INT64);
  }

  private static FeatureDefinition feature(String name) {
    return new FeatureDefinition(name(name), FeatureType.FLOAT64, "");
  }

  @Test
  void columnsAreKeysThenEventTimestampThenFeatures() {
    EntityDefinition customer = new EntityDefinition(name("customer"), List.of(key("cid")), "");
    EntityDefinition merchant = new EntityDefinition(name("merchant"), List.of(key("mid")), "");
    FeatureViewDefinition view =
        new FeatureViewDefinition(
            name("pair_stats"),
            3,
            List.of(name("merchant"), name("customer")),
            List.of(feature("amount")),
            Duration.ZERO,
            "",
            Set.of(),
            "");

    OfflineTable table = OfflineTable.of(view, List.of(customer, merchant));

    assertThat(table.columnNames()).containsExactly("mid", "cid", "event_timestamp", "amount");
    assertThat(table.tableName()).isEqualTo("fv_pair_stats_v3");
  }

  @Test
  void longViewNamesGetDistinctTableNamesThatFitEveryDatabase() {
    String prefix = "v".repeat(60);
    OfflineTable a =
        new OfflineTable(name(prefix + "_a"), 12, List.of(key("k")), List.of(feature("f")));
    OfflineTable b =
        new OfflineTable(name(prefix + "_b"), 12, List.of(key("k")), List.of(feature("f")));

    assertThat(a.tableName()).hasSize(63).endsWith("_v12").isNotEqualTo(b.tableName());
    assertThat(a.tableName()).isEqualTo(a.tableName()).matches("fv_v+_[0-9a-f]{8}_v12");
  }

  @Test
  void aFeatureMayNotShareItsNameWithAJoinKey() {
    assertThatThrownBy(
            () -> new OfflineTable(name("v"), 1, List.of(key("cid")), List.of(feature("cid"))))
        .isInstanceOf(DomainValidationException.class)
        .hasMessageContaining("clashes");
    assertThatThrownBy(
            () ->
                new OfflineTable(
                    name("v"), 1, List.of(key("event_timestamp")), List.of(feature("f"))))
        .isInstanceOf(DomainValidationException.class);
  }

  @Test
  void featureRowsAreValuesAndCannotBeChangedFromOutside() {
    Object[] values = {1.0, null};
    FeatureRow row = new FeatureRow(EntityKey.of(1L), Instant.EPOCH, values);
    values[0] = 2.0;
    row.values()[1] = "x";

    assertThat(row)
        .isEqualTo(new FeatureRow(EntityKey.of(1L), Instant.EPOCH, new Object[] {1.0, null}));
    assertThat(row.value(0)).isEqualTo(1.0);
    assertThat(row.toObservation().values()).containsExactly(1.0, null);
  }
}
