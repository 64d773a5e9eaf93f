package org.mlplatform.domain.features.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mlplatform.domain.features.online.OnlineStatus.NOT_FOUND;
import static org.mlplatform.domain.features.online.OnlineStatus.NULL_VALUE;
import static org.mlplatform.domain.features.online.OnlineStatus.OUTSIDE_MAX_AGE;
import static org.mlplatform.domain.features.online.OnlineStatus.PRESENT;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.FeatureDefinition;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.features.online.OnlineLookup.FeatureColumn;

/** Statuses, TTL at read time and request order of online answers. */
class OnlineLookupTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Duration TTL = Duration.ofHours(1);

  private static ResourceName n(String name) {
    return new ResourceName(name);
  }

  private static FeatureViewDefinition view(Duration ttl) {
    return new FeatureViewDefinition(
        n("txn_stats"),
        2,
        List.of(n("customer")),
        List.of(
            new FeatureDefinition(n("amount"), FeatureType.FLOAT64, ""),
            new FeatureDefinition(n("country"), FeatureType.STRING, "")),
        ttl,
        "alice",
        Set.of(),
        "");
  }

  private static EntityKey key(long id) {
    return EntityKey.of(id);
  }

  private static Observation row(long id, Instant at, Double amount, String country) {
    return new Observation(key(id), at, new Object[] {amount, country});
  }

  private static List<FeatureColumn> resolve(
      Duration ttl, int[] features, List<EntityKey> keys, Observation... rows) {
    Map<EntityKey, Observation> found =
        Arrays.stream(rows).collect(java.util.stream.Collectors.toMap(Observation::key, r -> r));
    return OnlineLookup.resolve(view(ttl), features, keys, found, NOW);
  }

  @Test
  void givesEveryStatusInRequestOrderPerRequestedFeature() {
    Instant fresh = NOW.minus(Duration.ofMinutes(5));
    Instant stale = NOW.minus(Duration.ofHours(2));

    List<FeatureColumn> columns =
        resolve(
            TTL,
            new int[] {1, 0},
            List.of(key(4), key(1), key(2), key(3), key(1)),
            row(1, fresh, 12.5, "FR"),
            row(2, fresh, null, "DE"),
            row(3, stale, 99.0, "IT"));

    assertThat(columns)
        .extracting(c -> c.feature().toString())
        .containsExactly("txn_stats:country", "txn_stats:amount");
    FeatureColumn amount = columns.get(1);
    assertThat(amount.values()).containsExactly(null, 12.5, null, null, 12.5);
    assertThat(amount.statuses())
        .containsExactly(NOT_FOUND, PRESENT, NULL_VALUE, OUTSIDE_MAX_AGE, PRESENT);
    // A stale row keeps its event time (how stale it is); an unknown entity has none.
    assertThat(amount.eventTimestamps()).containsExactly(null, fresh, fresh, stale, fresh);
    FeatureColumn country = columns.get(0);
    assertThat(country.values()).containsExactly(null, "FR", "DE", null, "FR");
    assertThat(country.statuses())
        .containsExactly(NOT_FOUND, PRESENT, PRESENT, OUTSIDE_MAX_AGE, PRESENT);
  }

  @Test
  void aRowExactlyTtlOldIsStillServedAndOneMicrosecondOlderIsNot() {
    Instant boundary = NOW.minus(TTL);

    FeatureColumn amount =
        resolve(
                TTL,
                new int[] {0},
                List.of(key(1), key(2), key(3)),
                row(1, boundary, 1.0, null),
                row(2, boundary.minusNanos(1_000), 2.0, null),
                row(3, NOW.plusSeconds(60), 3.0, null))
            .getFirst();

    assertThat(amount.statuses()).containsExactly(PRESENT, OUTSIDE_MAX_AGE, PRESENT);
    assertThat(amount.values()).containsExactly(1.0, null, 3.0);
    assertThat(view(TTL).isFresh(boundary, NOW)).isTrue(); // the same rule as training sets
  }

  @Test
  void aZeroTtlNeverExpires() {
    FeatureColumn amount =
        resolve(
                Duration.ZERO,
                new int[] {0},
                List.of(key(1)),
                row(1, Instant.parse("2000-01-01T00:00:00Z"), 7.0, null))
            .getFirst();

    assertThat(amount.statuses()).containsExactly(PRESENT);
    assertThat(amount.values()).containsExactly(7.0);
  }

  @Test
  void noKeysGiveEmptyColumnsAndTheListsAreReadOnly() {
    List<FeatureColumn> columns = resolve(TTL, new int[] {0, 0}, List.of());

    assertThat(columns).hasSize(2).allSatisfy(c -> assertThat(c.values()).isEmpty());
    FeatureColumn one =
        resolve(TTL, new int[] {0}, List.of(key(1)), row(1, NOW, 1.0, null)).getFirst();
    assertThatThrownBy(() -> one.values().set(0, 2.0))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void refusesUnknownFeatureIndexesAndRowsOfAnotherVersion() {
    assertThatThrownBy(() -> resolve(TTL, new int[] {2}, List.of(key(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("feature index 2");
    Observation narrow = new Observation(key(1), NOW, new Object[] {1.0});
    assertThatThrownBy(() -> resolve(TTL, new int[] {0}, List.of(key(1)), narrow))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has 1 values; txn_stats v2 has 2 features");
  }
}
