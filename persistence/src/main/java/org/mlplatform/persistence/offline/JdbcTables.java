package org.mlplatform.persistence.offline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Creating and finding the tables the feature stores make at run time (one per view version), the
 * same way for the offline and the online store, on H2 and PostgreSQL.
 */
public final class JdbcTables {

  private static final String EXISTS =
      "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
          + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = ?";

  private JdbcTables() {}

  /** Whether the current schema has a table of this (unquoted, exact-case) name. */
  public static boolean exists(Connection connection, String tableName) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(EXISTS)) {
      statement.setString(1, tableName);
      try (ResultSet result = statement.executeQuery()) {
        return result.next() && result.getLong(1) > 0;
      }
    }
  }

  /**
   * Runs a {@code CREATE TABLE IF NOT EXISTS}. Two first writers can still race to create the table
   * on PostgreSQL; the loser's error is no error when the table is there afterwards.
   */
  public static void createIfAbsent(DataSource dataSource, String createSql, String tableName)
      throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(createSql);
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      if (!existsQuietly(dataSource, tableName)) {
        throw e;
      }
    }
  }

  private static boolean existsQuietly(DataSource dataSource, String tableName) {
    try (Connection connection = dataSource.getConnection()) {
      return exists(connection, tableName);
    } catch (SQLException e) {
      return false;
    }
  }
}
