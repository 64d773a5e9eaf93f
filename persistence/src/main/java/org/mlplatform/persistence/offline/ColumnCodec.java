package org.mlplatform.persistence.offline;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.mlplatform.domain.features.FeatureType;

/**
 * Moves canonical feature values ({@link FeatureType#coerce}) in and out of JDBC. Timestamps travel
 * as {@link OffsetDateTime} in UTC, which both drivers map to {@code TIMESTAMP WITH TIME ZONE}
 * without the JVM's default time zone getting a say.
 */
final class ColumnCodec {

  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

  private static final VarHandle BIG_ENDIAN_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final long PG_EPOCH_SECONDS =
      Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  private ColumnCodec() {}

  /** The databases keep microseconds; truncating here makes every write path agree. */
  static Instant stored(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  static void bind(PreparedStatement statement, int index, FeatureType type, Object value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Dialect.jdbcType(type));
      return;
    }
    switch (type) {
      case INT32 -> statement.setInt(index, (Integer) value);
      case INT64 -> statement.setLong(index, (Long) value);
      case FLOAT32 -> statement.setFloat(index, (Float) value);
      case FLOAT64 -> statement.setDouble(index, (Double) value);
      case STRING -> statement.setString(index, (String) value);
      case BOOL -> statement.setBoolean(index, (Boolean) value);
      case TIMESTAMP -> statement.setObject(index, utc((Instant) value));
    }
  }

  static Object read(ResultSet rows, int index, FeatureType type) throws SQLException {
    return read(rows, index, type, Dialect.H2);
  }

  /**
   * Like {@link #read(ResultSet, int, FeatureType)}; on PostgreSQL, timestamps fetched in binary
   * are decoded from their eight bytes, which took a quarter of the time of reading a view
   * (TrainingSetBenchmark): the driver's own path builds a calendar for every value.
   */
  static Object read(ResultSet rows, int index, FeatureType type, Dialect dialect)
      throws SQLException {
    if (type == FeatureType.TIMESTAMP && dialect == Dialect.POSTGRESQL) {
      return pgTimestamp(rows, index);
    }
    Object value =
        switch (type) {
          case INT32 -> rows.getInt(index);
          case INT64 -> rows.getLong(index);
          case FLOAT32 -> rows.getFloat(index);
          case FLOAT64 -> rows.getDouble(index);
          case STRING -> rows.getString(index);
          case BOOL -> rows.getBoolean(index);
          case TIMESTAMP -> {
            OffsetDateTime time = rows.getObject(index, OffsetDateTime.class);
            yield time == null ? null : time.toInstant();
          }
        };
    return rows.wasNull() ? null : value;
  }

  /**
   * A {@code timestamptz} as PostgreSQL sends it in binary: microseconds since 2000-01-01 UTC, big
   * endian. The driver hands binary values over unchanged from {@code getBytes}; a value that came
   * as text (longer than eight bytes) takes the driver's path.
   */
  private static Instant pgTimestamp(ResultSet rows, int index) throws SQLException {
    byte[] raw = rows.getBytes(index);
    if (raw == null) {
      return null;
    }
    if (raw.length != Long.BYTES) {
      OffsetDateTime time = rows.getObject(index, OffsetDateTime.class);
      return time == null ? null : time.toInstant();
    }
    long micros = (long) BIG_ENDIAN_LONG.get(raw, 0);
    return Instant.ofEpochSecond(
        PG_EPOCH_SECONDS + Math.floorDiv(micros, 1_000_000L),
        Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  /**
   * A query bound, clamped to the storable years 0001 to 9999 so that callers can say "since ever"
   * or "until forever" with {@link Instant#MIN} and {@link Instant#MAX}.
   */
  static OffsetDateTime bound(Instant instant) {
    Instant clamped =
        instant.isBefore(EARLIEST) ? EARLIEST : instant.isAfter(LATEST) ? LATEST : instant;
    return utc(clamped);
  }

  static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(stored(instant), ZoneOffset.UTC);
  }
}
