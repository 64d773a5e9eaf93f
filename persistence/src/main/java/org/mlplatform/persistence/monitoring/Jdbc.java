package org.mlplatform.persistence.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reading the optional columns of the monitoring tables (SQL NULL as empty); what every JDBC store
 * shares is in {@link org.mlplatform.persistence.jdbc}.
 */
final class Jdbc {

  private Jdbc() {}

  static OptionalDouble optionalDouble(ResultSet row, int column) throws SQLException {
    double value = row.getDouble(column);
    return row.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  static Optional<String> optionalString(ResultSet row, int column) throws SQLException {
    return Optional.ofNullable(row.getString(column));
  }
}
