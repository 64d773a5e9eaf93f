package org.mlplatform.persistence.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.offline.FeatureRow;

/** Strictly increasing (keys, stored time) order, the guarantee behind copying straight in. */
class KeyOrderTest {

  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private static FeatureRow row(Instant at, Object... keys) {
    return new FeatureRow(EntityKey.of(keys), at, new Object[] {1.0});
  }

  @Test
  void keysComeFirstThenTheEventTime() {
    assertThat(KeyOrder.isAbove(row(T, 2L), row(T.plusSeconds(60), 1L))).isTrue();
    assertThat(KeyOrder.isAbove(row(T, 1L), row(T.plusSeconds(60), 2L))).isFalse();
    assertThat(KeyOrder.isAbove(row(T.plusSeconds(1), 1L), row(T, 1L))).isTrue();
    assertThat(KeyOrder.isAbove(row(T, 1L), row(T, 1L))).isFalse();
    assertThat(KeyOrder.isAbove(row(T, -1L), row(T, -2L))).isTrue();
    assertThat(KeyOrder.isAbove(row(T, 1, "b"), row(T, 1, "a"))).isTrue();
    assertThat(KeyOrder.isAbove(row(T, 1, "a"), row(T, 0, "z"))).isTrue();
    assertThat(KeyOrder.isAbove(row(T, 1, "a"), row(T, 1, "ab"))).isFalse();
  }

  @Test
  void timesCompareAsStoredToTheMicrosecond() {
    assertThat(KeyOrder.isAbove(row(T.plusNanos(999), 1L), row(T.plusNanos(1), 1L))).isFalse();
    assertThat(KeyOrder.isAbove(row(T.plusNanos(1_000), 1L), row(T.plusNanos(999), 1L))).isTrue();
    assertThat(KeyOrder.isAbove(row(T, 1L), row(T.minusNanos(1), 1L))).isTrue();
  }

  @Test
  void textThatMayNotEncodeFaithfullyIsNeverTakenAsAbove() {
    assertThat(KeyOrder.isAbove(row(T, "b\uD800"), row(T, "a"))).isFalse();
    assertThat(KeyOrder.isAbove(row(T, "b"), row(T, "a\uDC00"))).isFalse();
    assertThat(KeyOrder.isAbove(row(T, "b😀"), row(T, "a"))).isFalse();
  }
}
