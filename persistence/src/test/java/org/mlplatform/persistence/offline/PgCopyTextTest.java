package org.mlplatform.persistence.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.FeatureDefinition;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.JoinKey;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.features.offline.FeatureRow;
import org.mlplatform.domain.features.offline.OfflineTable;

/**
 * The COPY text, byte for byte where the spelling is fixed, and value for value where it is chosen:
 * every double must read back as the same double (PostgreSQL, like Java, rounds decimal text
 * correctly, so Java's parser stands in for it here).
 */
class PgCopyTextTest {

  private static final OfflineTable TABLE =
      new OfflineTable(
          new ResourceName("t"),
          1,
          List.of(new JoinKey(new ResourceName("id"), FeatureType.STRING)),
          List.of(
              feature("i32", FeatureType.INT32),
              feature("i64", FeatureType.INT64),
              feature("f32", FeatureType.FLOAT32),
              feature("f64", FeatureType.FLOAT64),
              feature("text", FeatureType.STRING),
              feature("flag", FeatureType.BOOL),
              feature("at", FeatureType.TIMESTAMP)));

  /** Plain or scientific notation, nothing Java-only ({@code 0x1p3}, {@code 1.5d}). */
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?(E-?[0-9]+)?");

  private static FeatureDefinition feature(String name, FeatureType type) {
    return new FeatureDefinition(new ResourceName(name), type, "");
  }

  private static String value(FeatureType type, Object value) {
    PgCopyText text = new PgCopyText(new OfflineSql(TABLE), 1);
    text.appendValue(type, value);
    return text.text();
  }

  @Test
  void aRowIsTabSeparatedWithEscapesAndNulls() {
    PgCopyText text = new PgCopyText(new OfflineSql(TABLE), 8);
    Instant at = Instant.parse("2026-01-01T10:00:00.123456789Z");
    text.appendStageRow(
        42,
        new FeatureRow(
            EntityKey.of("a\tb\\c\nd\re ü 😀 \\N"),
            at,
            new Object[] {-7, Long.MIN_VALUE, 0.1f, -0.0, "", true, null}));
    text.appendTableRow(
        new FeatureRow(EntityKey.of("x"), at, new Object[7]),
        Instant.parse("2027-01-01T00:00:00Z"));

    assertThat(text.text())
        .isEqualTo(
            "42\ta\\tb\\\\c\\nd\\re ü 😀 \\\\N\t2026-01-01T10:00:00.123456Z\t-7\t"
                + Long.MIN_VALUE
                + "\t0.1\t-0\t\tt\t\\N\n"
                + "x\t2026-01-01T10:00:00.123456Z\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N"
                + "\t2027-01-01T00:00:00Z\n");
    text.clear();
    assertThat(text.length()).isZero();
  }

  @Test
  void integersAndSpecialFloatingPointValues() {
    for (long v : new long[] {0, 1, -1, 9, 10, 99, 100, Long.MAX_VALUE, Long.MIN_VALUE + 1}) {
      assertThat(value(FeatureType.INT64, v)).isEqualTo(Long.toString(v));
    }
    assertThat(value(FeatureType.INT32, Integer.MIN_VALUE)).isEqualTo("-2147483648");
    assertThat(value(FeatureType.FLOAT64, Double.NaN)).isEqualTo("NaN");
    assertThat(value(FeatureType.FLOAT64, Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    assertThat(value(FeatureType.FLOAT64, 12.5)).isEqualTo("12.5");
    assertThat(value(FeatureType.FLOAT64, 100.0)).isEqualTo("100");
    assertThat(value(FeatureType.FLOAT64, 0.005)).isEqualTo("0.005");
    assertThat(value(FeatureType.FLOAT64, -3.7)).isEqualTo("-3.7");
    assertThat(value(FeatureType.FLOAT64, 0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(value(FeatureType.FLOAT64, 1e300)).isEqualTo("1.0E300");
    assertThat(value(FeatureType.FLOAT32, Float.MIN_VALUE)).isEqualTo("1.4E-45");
  }

  @Test
  void everyDoubleReadsBackAsItself() {
    Random random = new Random(3);
    PgCopyText text = new PgCopyText(new OfflineSql(TABLE), 64);
    for (int i = 0; i < 100_000; i++) {
      double v =
          switch (i % 5) {
            case 0 -> Double.longBitsToDouble(random.nextLong()); // any bit pattern
            case 1 -> random.nextInt(1_000_000) / 1000.0; // measured values
            case 2 -> random.nextGaussian() * Math.pow(10, random.nextInt(-30, 30));
            case 3 -> (random.nextLong() >> random.nextInt(64)) / 100.0;
            default -> Math.scalb(1.0, random.nextInt(-1074, 1024));
          };
      text.clear();
      text.appendValue(FeatureType.FLOAT64, v);
      String spelled = text.text();
      if (Double.doubleToLongBits(Double.parseDouble(spelled)) != Double.doubleToLongBits(v)
          || (Double.isFinite(v) && !DECIMAL.matcher(spelled).matches())) {
        throw new AssertionError(v + " spelled " + spelled);
      }
    }
  }

  @Test
  void timestampsAreIsoInUtcTruncatedToTheMicrosecondOverTheWholeStorableRange() {
    Random random = new Random(11);
    Instant first = Instant.parse("0001-01-01T00:00:00Z");
    Instant last = Instant.parse("9999-12-31T23:59:59.999999Z");
    for (int i = 0; i < 20_000; i++) {
      Instant at =
          Instant.ofEpochSecond(
              random.nextLong(first.getEpochSecond(), last.getEpochSecond() + 1),
              i % 3 == 0 ? 0 : random.nextInt(1_000_000_000));
      String text = value(FeatureType.TIMESTAMP, at);
      assertThat(text).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?Z");
      assertThat(Instant.parse(text)).isEqualTo(at.truncatedTo(ChronoUnit.MICROS));
    }
    assertThat(value(FeatureType.TIMESTAMP, first)).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(value(FeatureType.TIMESTAMP, last)).isEqualTo("9999-12-31T23:59:59.999999Z");
    assertThat(value(FeatureType.TIMESTAMP, Instant.parse("1969-12-31T23:59:59.5Z")))
        .isEqualTo("1969-12-31T23:59:59.500000Z");
  }
}
