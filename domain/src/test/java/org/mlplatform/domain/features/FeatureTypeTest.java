package org.mlplatform.domain.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Conversion of JSON and CSV values: exact where it must be, never silently lossy. */
class FeatureTypeTest {

  @Test
  void integersAcceptWholeNumbersFromJsonAndCsv() {
    assertThat(FeatureType.INT64.coerce(12)).isEqualTo(12L);
    assertThat(FeatureType.INT64.coerce(12.0)).isEqualTo(12L);
    assertThat(FeatureType.INT64.coerce(" 9007199254740993 ")).isEqualTo(9007199254740993L);
    assertThat(FeatureType.INT32.coerce(new BigDecimal("1e3"))).isEqualTo(1000);
  }

  @ParameterizedTest
  @CsvSource({"INT64, 12.5", "INT64, abc", "INT32, 4294967296", "INT64, 1e20", "BOOL, yes"})
  void refusesLossyOrForeignValuesNamingTheType(FeatureType type, String raw) {
    assertThatThrownBy(() -> type.coerce(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected " + type)
        .hasMessageContaining(raw);
  }

  @Test
  void floatsBoolsStringsAndTimestamps() {
    assertThat(FeatureType.FLOAT64.coerce("12.5")).isEqualTo(12.5);
    assertThat(FeatureType.FLOAT32.coerce(0.1)).isEqualTo(0.1f);
    assertThat(FeatureType.BOOL.coerce("TRUE")).isEqualTo(true);
    assertThat(FeatureType.STRING.coerce("x")).isEqualTo("x");
    assertThat(FeatureType.TIMESTAMP.coerce("2026-01-01T01:00:00+01:00"))
        .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(FeatureType.FLOAT64.coerce(null)).isNull();
  }

  @Test
  void aFloat32OutOfRangeIsRefused() {
    assertThatThrownBy(() -> FeatureType.FLOAT32.coerce(1e300))
        .hasMessageContaining("expected FLOAT32");
  }

  @Test
  void aStringFeatureDoesNotTakeANumber() {
    assertThatThrownBy(() -> FeatureType.STRING.coerce(5)).hasMessageContaining("expected STRING");
  }

  @Test
  void parsesNamesCaseInsensitively() {
    assertThat(FeatureType.parse("float64")).contains(FeatureType.FLOAT64);
    assertThat(FeatureType.parse("DECIMAL")).isEmpty();
    assertThat(FeatureType.parse(null)).isEmpty();
  }
}
