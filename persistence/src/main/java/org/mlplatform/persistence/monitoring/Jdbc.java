package org.mlplatform.persistence.monitoring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.sql.DataSource;
import org.postgresql.PGStatement;

/** Small JDBC helpers the monitoring stores share. */
final class Jdbc {

  /**
   * Rows a streamed read fetches at a time: few round trips, and a bounded slice of the (possibly
   * large) logged JSON in memory.
   */
  static final int FETCH_SIZE = 2_000;

  /** Work on a connection inside a transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private Jdbc() {}

  /**
   * Runs {@code work} in a transaction of its own and commits it; on any failure rolls back, so the
   * work happens all or not at all.
   */
  static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
    return transaction(dataSource, work, true);
  }

  /**
   * Runs a read in a transaction that is rolled back at the end: several queries see one state of
   * the database, and PostgreSQL's driver streams a result through a cursor (with a fetch size)
   * only while auto-commit is off.
   */
  static <T> T reading(DataSource dataSource, Work<T> work) throws SQLException {
    return transaction(dataSource, work, false);
  }

  private static <T> T transaction(DataSource dataSource, Work<T> work, boolean commit)
      throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        if (commit) {
          connection.commit();
        } else {
          connection.rollback();
        }
        return result;
      } catch (Throwable e) {
        rollback(connection, e);
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  /**
   * As {@link OffsetDateTime} in UTC: both drivers bind it to {@code TIMESTAMP WITH TIME ZONE}
   * without the JVM's default time zone getting a say.
   */
  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(ResultSet row, int column) throws SQLException {
    return row.getObject(column, OffsetDateTime.class).toInstant();
  }

  static OptionalDouble optionalDouble(ResultSet row, int column) throws SQLException {
    double value = row.getDouble(column);
    return row.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  static Optional<String> optionalString(ResultSet row, int column) throws SQLException {
    return Optional.ofNullable(row.getString(column));
  }

  /**
   * Has PostgreSQL send a streamed read's rows in binary from the first execution on (by default
   * only a statement run five times is): ids, times and numbers decode faster than from text. The
   * driver class is touched on PostgreSQL only: H2-only installations may not ship it.
   */
  static void preferBinaryResults(Connection connection, PreparedStatement statement)
      throws SQLException {
    if (isPostgres(connection) && statement.isWrapperFor(PGStatement.class)) {
      statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
    }
  }

  static boolean isPostgres(Connection connection) throws SQLException {
    return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
  }

  /** Ends the read transaction a pool may have opened (auto-commit off) without keeping locks. */
  static void endRead(Connection connection) throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.rollback();
    }
  }

  static void rollback(Connection connection, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  /** The message of a failure, with the cause a batch hides behind its first exception. */
  static String detail(SQLException e) {
    SQLException next = e.getNextException();
    return e.getMessage() + (next == null ? "" : " (" + next.getMessage() + ")");
  }

  static void checkLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("the limit is at least 1, got " + limit);
    }
  }
}
