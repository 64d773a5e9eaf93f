package org.mlplatform.persistence.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A transaction a store always runs itself, whatever the connection's auto-commit mode, for stores
 * called outside container transactions (scheduled jobs, serving, REST calls): the work happens all
 * or not at all, and the connection goes back to the pool in the auto-commit mode it came in. The
 * caller turns the {@link SQLException} into its own failure.
 */
public final class OwnTransaction {

  private OwnTransaction() {}

  /**
   * Runs {@code work} in a transaction of its own and commits it; on any failure rolls back, so the
   * work happens all or not at all.
   */
  public static <T> T commit(DataSource dataSource, SqlWork<T> work) throws SQLException {
    return run(dataSource, work, true);
  }

  /**
   * Runs a read in a transaction that is rolled back at the end: several queries see one state of
   * the database, and PostgreSQL's driver streams a result through a cursor (with a fetch size)
   * only while auto-commit is off.
   */
  public static <T> T read(DataSource dataSource, SqlWork<T> work) throws SQLException {
    return run(dataSource, work, false);
  }

  /**
   * Runs {@code work} on {@code connection} in a transaction of its own and commits it; on any
   * failure rolls back. The connection is left in the auto-commit mode it had.
   */
  public static <T> T commit(Connection connection, SqlWork<T> work) throws SQLException {
    return run(connection, work, true);
  }

  private static <T> T run(DataSource dataSource, SqlWork<T> work, boolean commit)
      throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return run(connection, work, commit);
    }
  }

  private static <T> T run(Connection connection, SqlWork<T> work, boolean commit)
      throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      T result = work.on(connection);
      if (commit) {
        connection.commit();
      } else {
        connection.rollback();
      }
      return result;
    } catch (Throwable e) {
      Connections.rollback(connection, e);
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }
}
