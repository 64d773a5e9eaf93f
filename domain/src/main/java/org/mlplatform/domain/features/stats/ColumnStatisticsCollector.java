package org.mlplatform.domain.features.stats;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.mlplatform.domain.features.FeatureType;

/**
 * Streams the values of one column into its {@link ColumnStatistics}; memory is bounded regardless
 * of the row count: about a megabyte at most for a numeric or timestamp column, up to {@value
 * #DISTINCT_VALUE_LIMIT} distinct strings for a categorical one. Feed canonical values of the
 * column's {@link FeatureType} or null; numeric columns also take any integral ({@code
 * INT32}/{@code INT64}) or any ({@code FLOAT32}/{@code FLOAT64}) {@link Number}. NaN and infinities
 * are counted apart and kept out of the numeric summary. TIMESTAMP values are summarised as epoch
 * seconds.
 *
 * <p>Not thread-safe. {@link #finish()} takes a snapshot and may be called again after more values.
 */
public final class ColumnStatisticsCollector {

  /** Quantiles are exact up to this many finite values, estimated from a sample beyond. */
  public static final int EXACT_VALUE_LIMIT = 100_000;

  /** Distinct values (and category counts) are tracked exactly up to this many. */
  public static final int DISTINCT_VALUE_LIMIT = 10_000;

  /** Bins of a numeric histogram, unless there are fewer distinct positions to tell apart. */
  public static final int HISTOGRAM_BINS = 20;

  /** Categories reported for a STRING or BOOL column. */
  public static final int TOP_CATEGORY_COUNT = 20;

  private final String column;
  private final FeatureType type;
  private final NumericAccumulator numeric;
  private final CategoryAccumulator categories;
  private long count;
  private long nullCount;
  private long nanCount;
  private long infiniteCount;

  public ColumnStatisticsCollector(String column, FeatureType type) {
    this.column = Objects.requireNonNull(column, "column");
    this.type = Objects.requireNonNull(type, "type");
    boolean categorical = type == FeatureType.STRING || type == FeatureType.BOOL;
    this.numeric = categorical ? null : new NumericAccumulator();
    this.categories = categorical ? new CategoryAccumulator(DISTINCT_VALUE_LIMIT) : null;
  }

  /**
   * Counts one value.
   *
   * @throws IllegalArgumentException naming the column and expected type when the value does not
   *     belong to the column's type (the value is then not counted)
   */
  public void add(Object value) {
    requireAcceptable(value);
    count++;
    if (value == null) {
      nullCount++;
      return;
    }
    switch (type) {
      case INT32, INT64 -> {
        long integral = ((Number) value).longValue();
        numeric.add(integral, integral);
      }
      case FLOAT32, FLOAT64 -> addFloatingPoint(((Number) value).doubleValue());
      case TIMESTAMP -> addTimestamp((Instant) value);
      case STRING -> categories.add((String) value);
      case BOOL -> categories.add(value.toString());
    }
  }

  /**
   * @throws IllegalArgumentException when {@link #add} would refuse the value
   */
  void requireAcceptable(Object value) {
    boolean acceptable =
        value == null
            || switch (type) {
              case INT32, INT64 ->
                  value instanceof Integer
                      || value instanceof Long
                      || value instanceof Short
                      || value instanceof Byte;
              case FLOAT32, FLOAT64 -> value instanceof Number;
              case TIMESTAMP -> value instanceof Instant;
              case STRING -> value instanceof String;
              case BOOL -> value instanceof Boolean;
            };
    if (!acceptable) {
      throw new IllegalArgumentException(
          "column " + column + ": expected " + type + ", got " + value.getClass().getSimpleName());
    }
  }

  private void addFloatingPoint(double value) {
    if (Double.isNaN(value)) {
      nanCount++;
    } else if (Double.isInfinite(value)) {
      infiniteCount++;
    } else {
      numeric.add(value, Double.doubleToLongBits(value + 0.0));
    }
  }

  private void addTimestamp(Instant instant) {
    double epochSeconds = instant.getEpochSecond() + instant.getNano() / 1e9;
    numeric.add(epochSeconds, distinctKey(instant, epochSeconds));
  }

  /** Epoch nanoseconds where they fit a long (1677 to 2262), else the seconds' bits. */
  private static long distinctKey(Instant instant, double epochSeconds) {
    try {
      return Math.addExact(
          Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    } catch (ArithmeticException outsideNanosecondRange) {
      return Double.doubleToLongBits(epochSeconds);
    }
  }

  /** The statistics of the values added so far. */
  public ColumnStatistics finish() {
    if (numeric != null) {
      return new ColumnStatistics(
          column,
          type,
          count,
          nullCount,
          nanCount,
          infiniteCount,
          numeric.distinctCount(),
          numeric.distinctCountIsLowerBound(),
          numeric.summary(),
          List.of(),
          0,
          notComputable(numeric.count()));
    }
    return new ColumnStatistics(
        column,
        type,
        count,
        nullCount,
        0,
        0,
        categories.distinctCount(),
        categories.distinctCountIsLowerBound(),
        null,
        categories.top(TOP_CATEGORY_COUNT),
        categories.otherCount(),
        notComputable(count - nullCount));
  }

  private String notComputable(long summarisedValues) {
    if (count == 0) {
      return "no values";
    }
    if (nullCount == count) {
      return "no non-null values";
    }
    return summarisedValues == 0 ? "no finite values" : null;
  }
}
