package org.mlplatform.domain.features.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.features.FeatureType;

/**
 * The fast text conversions give exactly what {@link FeatureType#coerce} gives, value for value and
 * error for error; they only skip the general parsers for the common spellings.
 */
class TextValuesTest {

  private static final FeatureType[] TYPES = {
    FeatureType.INT32,
    FeatureType.INT64,
    FeatureType.FLOAT32,
    FeatureType.FLOAT64,
    FeatureType.TIMESTAMP
  };

  /** Same value (bit for bit for floating point: -0.0 is not 0.0), or the same error. */
  private static void assertSameAsCoerce(FeatureType type, String text) {
    Object expected;
    try {
      expected = type.coerce(text);
    } catch (IllegalArgumentException e) {
      assertThatThrownBy(() -> TextValues.coerce(type, text))
          .as("%s %s", type, text)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(e.getMessage());
      return;
    }
    Object actual = TextValues.coerce(type, text);
    assertThat(actual).as("%s '%s'", type, text).isEqualTo(expected);
    if (expected instanceof Double d) {
      assertThat(Double.doubleToRawLongBits((Double) actual))
          .as("%s '%s'", type, text)
          .isEqualTo(Double.doubleToRawLongBits(d));
    }
    if (expected instanceof Float f) {
      assertThat(Float.floatToRawIntBits((Float) actual)).isEqualTo(Float.floatToRawIntBits(f));
    }
  }

  private static void assertAllTypes(String text) {
    for (FeatureType type : TYPES) {
      assertSameAsCoerce(type, text);
    }
  }

  @Test
  void numbersInEveryCommonAndOddSpelling() {
    List<String> texts =
        List.of(
            "0",
            "-0",
            "+0",
            "7",
            "007",
            "-12",
            "+12",
            "2147483647",
            "2147483648",
            "-2147483648",
            "-2147483649",
            "999999999999999999",
            "-999999999999999999",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "12345678901234567890",
            "0.0",
            "-0.0",
            "12.5",
            "-0.25",
            "00.5",
            "3.70",
            "1.0",
            "12.",
            ".5",
            "-.5",
            "1e3",
            "1E-3",
            "0x10",
            "1.5d",
            "1.5f",
            "NaN",
            "Infinity",
            "-Infinity",
            " 1",
            "1 ",
            " 1.5 ",
            "",
            "-",
            "+",
            "1.2.3",
            "1,5",
            "--1",
            "1-",
            "abc",
            "9007199254740991",
            "9007199254740992",
            "9007199254740993",
            "0.1",
            "0.2",
            "0.30000000000000004",
            "123456789.123456789",
            "0.000000000000000001",
            "0.0000000000000000001",
            "1.7976931348623157",
            "340282356779733661637539395458142568448",
            "3.4028235677973366E38",
            "1234567.891",
            "0.1234567890123456789012",
            "1.00000000000000000000001");
    texts.forEach(TextValuesTest::assertAllTypes);
  }

  @Test
  void randomDecimalsParseToTheSameDoubleAsTheGeneralParser() {
    Random random = new Random(42);
    for (int i = 0; i < 60_000; i++) {
      int digits = 1 + random.nextInt(18);
      StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : "");
      int point = random.nextInt(digits + 1);
      for (int d = 0; d < digits; d++) {
        if (d == point && d > 0) {
          text.append('.');
        }
        text.append((char) ('0' + random.nextInt(10)));
      }
      assertSameAsCoerce(FeatureType.FLOAT64, text.toString());
      if (i % 10 == 0) {
        assertSameAsCoerce(FeatureType.FLOAT32, text.toString());
        assertSameAsCoerce(FeatureType.INT64, text.toString());
      }
    }
    for (int i = 0; i < 10_000; i++) {
      assertSameAsCoerce(FeatureType.FLOAT64, Double.toString(random.nextGaussian() * 1e6));
      assertSameAsCoerce(FeatureType.INT64, Long.toString(random.nextLong()));
      assertSameAsCoerce(FeatureType.INT32, Long.toString(random.nextInt()));
    }
  }

  @Test
  void timestampsInEveryCommonAndOddSpelling() {
    List<String> texts =
        List.of(
            "2026-01-01T00:00:00Z",
            "2026-01-01T00:00:00.5Z",
            "2026-01-01T00:00:00.123456789Z",
            "2026-01-01T00:00:00.1234567891Z",
            "2026-01-01T00:00:00.Z",
            "2026-06-30T23:59:59Z",
            "2026-01-01T10:00:00+02:00",
            "2026-01-01T10:00:00-05:30",
            "2026-01-01T10:00:00+00:00",
            "2026-01-01T10:00:00-00:00",
            "2026-01-01T10:00:00+17:59",
            "2026-01-01T10:00:00+18:00",
            "2026-01-01T10:00:00-18:00",
            "2026-01-01T10:00:00+19:00",
            "2026-01-01T10:00:00+0200",
            "2026-01-01T10:00:00+02",
            "2026-01-01T10:00:00+02:60",
            "2026-01-01T10:00+02:00",
            "2026-01-01T10:00Z",
            "2026-01-01t10:00:00z",
            "2026-01-01 10:00:00Z",
            "2026-01-01T10:00:00",
            "2024-02-29T00:00:00Z",
            "2026-02-29T00:00:00Z",
            "2026-02-30T00:00:00Z",
            "2026-04-31T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-00-01T00:00:00Z",
            "2026-01-00T00:00:00Z",
            "2026-01-01T24:00:00Z",
            "2026-01-01T23:60:00Z",
            "2026-01-01T23:59:60Z",
            "0000-01-01T00:00:00Z",
            "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z",
            "+10000-01-01T00:00:00Z",
            "-0001-01-01T00:00:00Z",
            " 2026-01-01T00:00:00Z",
            "2026-01-01T00:00:00Z ",
            "2026-01-01T00:00:00ZZ",
            "2026-1-01T00:00:00Z",
            "2026-01-01T00:00:00+02:00:30",
            "2026-01-01T00:00:00+2:00",
            "2026-01-01T00:00:00.+02:00",
            "x026-01-01T00:00:00Z",
            "2026-01-01T00:00:00[UTC]",
            "2026-01-01T00:00:00Z[UTC]",
            "");
    texts.forEach(TextValuesTest::assertAllTypes);
  }

  @Test
  void randomTimestampsAgreeWithTheGeneralParser() {
    Random random = new Random(7);
    DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withLocale(Locale.ROOT);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      long second = random.nextLong(-62_135_596_800L, 253_402_300_799L); // years 0001 to 9999
      int nanos = random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000);
      int offsetMinutes = random.nextInt(3) == 0 ? 0 : random.nextInt(-18 * 60, 18 * 60 + 1);
      texts.add(
          Instant.ofEpochSecond(second, nanos)
              .atOffset(ZoneOffset.ofTotalSeconds(offsetMinutes * 60))
              .format(iso));
    }
    texts.forEach(t -> assertSameAsCoerce(FeatureType.TIMESTAMP, t));
  }

  @Test
  void otherTypesAreLeftToCoerce() {
    assertThat(TextValues.coerce(FeatureType.STRING, " x ")).isEqualTo(" x ");
    assertThat(TextValues.coerce(FeatureType.BOOL, "TRUE")).isEqualTo(true);
    assertThatThrownBy(() -> TextValues.coerce(FeatureType.BOOL, "1"))
        .hasMessage("expected BOOL, got '1'");
  }

  @Test
  void theCommonSpellingsTakeTheFastPath() {
    assertThat(TextValues.parseLong("-123")).isEqualTo(-123L);
    assertThat(TextValues.parseDouble("12.25")).isEqualTo(12.25);
    assertThat(TextValues.parseDouble("7")).isEqualTo(7.0);
    assertThat(TextValues.parseInstant("2026-01-01T10:00:00.5+02:00"))
        .isEqualTo(Instant.parse("2026-01-01T08:00:00.5Z"));
    assertThat(TextValues.parseDouble("1e3")).isNull();
    assertThat(TextValues.parseInstant("2026-01-01T10:00Z")).isNull();
  }
}
