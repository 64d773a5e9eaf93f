package org.mlplatform.persistence.monitoring.alerts;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.mlplatform.domain.monitoring.alerts.AlertStoreException;

/**
 * How the alert repositories get a connection and a transaction. A connection that is not in
 * auto-commit mode belongs to a transaction someone else runs (in the container, a JTA transaction
 * the data source enlisted it in, shared with Hibernate), and the work runs inside it without
 * committing or rolling back. On an auto-commit connection, work of several statements runs in a
 * local transaction of its own.
 */
final class JdbcTransactions {

  private final DataSource dataSource;

  JdbcTransactions(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** One statement's work: in the connection's transaction, or on its own in auto-commit. */
  <T> T onConnection(String what, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.on(connection);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  /** Work on one connection, in its owner's transaction or, on auto-commit, in one of its own. */
  <T> T inTransaction(String what, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.getAutoCommit()) {
        return work.on(connection);
      }
      connection.setAutoCommit(false);
      try {
        T result = work.on(connection);
        connection.commit();
        return result;
      } catch (Throwable e) {
        rollback(connection, e);
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  /** A foreign key found no row to point at: PostgreSQL's foreign_key_violation, H2's 23506. */
  static boolean isMissingParent(SQLException e) {
    return switch (String.valueOf(e.getSQLState())) {
      case "23503", "23506" -> true;
      default -> false;
    };
  }

  private static AlertStoreException failure(String what, SQLException e) {
    SQLException next = e.getNextException(); // batches hide the real cause here
    String detail = e.getMessage() + (next == null ? "" : " (" + next.getMessage() + ")");
    return new AlertStoreException(what + " failed: " + detail, e);
  }

  private static void rollback(Connection connection, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  @FunctionalInterface
  interface Work<T> {
    T on(Connection connection) throws SQLException;
  }
}
