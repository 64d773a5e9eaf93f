package org.mlplatform.persistence.offline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.mlplatform.domain.features.FeatureType;

/**
 * The offline store's column conventions, opened to the other JDBC feature stores (the online
 * store) so that a feature value is typed, bound, read and quoted one way everywhere. Delegates to
 * this package's helpers without widening them.
 */
public final class JdbcColumns {

  private JdbcColumns() {}

  /** A quoted SQL identifier; see {@link OfflineSql#quote}. */
  public static String quote(String identifier) {
    return OfflineSql.quote(identifier);
  }

  /** The column type of a feature type, spelled the same on H2 and PostgreSQL. */
  public static String columnType(FeatureType type) {
    return Dialect.columnType(type);
  }

  /** Binds a canonical value (or null); timestamps as UTC, truncated to microseconds. */
  public static void bind(PreparedStatement statement, int index, FeatureType type, Object value)
      throws SQLException {
    ColumnCodec.bind(statement, index, type, value);
  }

  /** Reads a column back as its canonical value, or null. */
  public static Object read(ResultSet rows, int index, FeatureType type) throws SQLException {
    return ColumnCodec.read(rows, index, type);
  }

  /** An instant as the databases store it (microseconds). */
  public static Instant stored(Instant instant) {
    return ColumnCodec.stored(instant);
  }

  /**
   * Whether the connection is H2 (otherwise PostgreSQL).
   *
   * @throws org.mlplatform.domain.features.offline.OfflineStoreException for any other database
   */
  public static boolean isH2(Connection connection) throws SQLException {
    return Dialect.of(connection) == Dialect.H2;
  }
}
