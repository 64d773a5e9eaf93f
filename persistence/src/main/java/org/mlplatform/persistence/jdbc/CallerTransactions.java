package org.mlplatform.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Connections and transactions for a JDBC repository that joins its caller's transaction. A
 * connection that is not in auto-commit mode belongs to a transaction someone else runs (in the
 * container, a JTA transaction the data source enlisted it in, shared with Hibernate), and the work
 * runs inside it without committing or rolling back, so a change commits with, say, its audit
 * record. On an auto-commit connection (no surrounding transaction) work of several statements runs
 * in a local transaction of its own. Thread-safe.
 *
 * @param <X> the repository's own exception, which every {@link SQLException} becomes
 */
public final class CallerTransactions<X extends RuntimeException> {

  private final DataSource dataSource;
  private final StoreFailure<X> failure;

  public CallerTransactions(DataSource dataSource, StoreFailure<X> failure) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.failure = Objects.requireNonNull(failure, "failure");
  }

  /** One statement's work: in the connection's transaction, or on its own in auto-commit. */
  public <T> T onConnection(String what, SqlWork<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.on(connection);
    } catch (SQLException e) {
      throw failure.of(what, e);
    }
  }

  /**
   * One statement that changes rows, its parameters bound in order: in the connection's
   * transaction, or on its own in auto-commit. Returns how many rows it changed.
   */
  public int update(String what, String sql, Object... parameters) {
    return onConnection(
        what,
        c -> {
          try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
              statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
          }
        });
  }

  /** Work on one connection, in its owner's transaction or, on auto-commit, in one of its own. */
  public <T> T inTransaction(String what, SqlWork<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.getAutoCommit()) {
        return work.on(connection);
      }
      return OwnTransaction.commit(connection, work);
    } catch (SQLException e) {
      throw failure.of(what, e);
    }
  }
}
