package org.mlplatform.persistence.monitoring.alerts;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.mlplatform.persistence.jdbc.JdbcValues;

/**
 * Reading and writing the column types the alert tables share. Times go as UTC {@code TIMESTAMP
 * WITH TIME ZONE}, which both databases keep to the microsecond; absent optionals as SQL NULL.
 */
final class Columns {

  private Columns() {}

  static void setInstant(PreparedStatement statement, int index, Instant at) throws SQLException {
    statement.setObject(index, JdbcValues.utc(at));
  }

  static void setInstant(PreparedStatement statement, int index, Optional<Instant> at)
      throws SQLException {
    if (at.isPresent()) {
      setInstant(statement, index, at.get());
    } else {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    }
  }

  static void setText(PreparedStatement statement, int index, Optional<String> text)
      throws SQLException {
    statement.setString(index, text.orElse(null));
  }

  static Instant instant(ResultSet row, String column) throws SQLException {
    return row.getObject(column, OffsetDateTime.class).toInstant();
  }

  static Optional<Instant> optionalInstant(ResultSet row, String column) throws SQLException {
    return Optional.ofNullable(row.getObject(column, OffsetDateTime.class))
        .map(OffsetDateTime::toInstant);
  }

  static Optional<String> optionalText(ResultSet row, String column) throws SQLException {
    return Optional.ofNullable(row.getString(column));
  }

  static UUID uuid(ResultSet row, String column) throws SQLException {
    return row.getObject(column, UUID.class);
  }
}
