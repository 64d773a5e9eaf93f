package org.mlplatform.persistence.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Times to and from {@code TIMESTAMP WITH TIME ZONE} columns, the same way in every store: as UTC
 * {@link OffsetDateTime}, which both databases keep to the microsecond.
 */
public final class JdbcValues {

  private JdbcValues() {}

  /**
   * As {@link OffsetDateTime} in UTC: both drivers bind it to {@code TIMESTAMP WITH TIME ZONE}
   * without the JVM's default time zone getting a say.
   */
  public static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  /** The (non-null) time in a column of the current row. */
  public static Instant instant(ResultSet row, int column) throws SQLException {
    return row.getObject(column, OffsetDateTime.class).toInstant();
  }
}
