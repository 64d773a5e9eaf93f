package org.mlplatform.persistence.offline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.mlplatform.domain.features.offline.OfflineTable;

/**
 * A stamp per view-version table that every write replaces, in the write's own transaction, with a
 * new random number: a copy of the table made between two reads of the same stamp is current.
 * Random rather than counted, so a database rebuilt from scratch never repeats a stamp that a
 * node's cached copy was made at.
 */
final class OfflineStamps {

  static final String TABLE = "mlp_offline_stamp";
  private static final String CREATE =
      "CREATE TABLE IF NOT EXISTS "
          + TABLE
          + " (table_name VARCHAR(63) NOT NULL PRIMARY KEY, stamp BIGINT NOT NULL)";
  private static final String READ = "SELECT stamp FROM " + TABLE + " WHERE table_name = ?";
  private static final String H2_RENEW = "MERGE INTO " + TABLE + " KEY (table_name) VALUES (?, ?)";
  private static final String PG_RENEW =
      "INSERT INTO "
          + TABLE
          + " (table_name, stamp) VALUES (?, ?)"
          + " ON CONFLICT (table_name) DO UPDATE SET stamp = EXCLUDED.stamp";

  private final DataSource dataSource;
  private volatile boolean created;

  OfflineStamps(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Creates the stamp table unless this store already did. */
  void ensureTable() throws SQLException {
    if (!created) {
      JdbcTables.createIfAbsent(dataSource, CREATE, TABLE);
      created = true;
    }
  }

  /** The table's stamp; empty when it has not been written since stamps were kept. */
  OptionalLong read(OfflineTable table) throws SQLException {
    ensureTable();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(READ)) {
      statement.setString(1, table.tableName());
      try (ResultSet result = statement.executeQuery()) {
        return result.next() ? OptionalLong.of(result.getLong(1)) : OptionalLong.empty();
      }
    }
  }

  /** Gives the table a new stamp inside the caller's (writing) transaction. */
  static void renew(Connection connection, Dialect dialect, OfflineTable table)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(dialect == Dialect.H2 ? H2_RENEW : PG_RENEW)) {
      statement.setString(1, table.tableName());
      statement.setLong(2, ThreadLocalRandom.current().nextLong());
      statement.executeUpdate();
    }
  }
}
