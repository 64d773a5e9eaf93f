package org.mlplatform.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The reads of one model's rows that the prediction log and the stores beside it (ground truth)
 * share: a count, and a time window streamed newest first through a cursor. The caller turns the
 * {@link SQLException} into its own failure.
 */
public final class ModelReads {

  /**
   * Rows a streamed read fetches at a time: few round trips, and a bounded slice of the (possibly
   * large) logged inputs and outputs in memory.
   */
  public static final int FETCH_SIZE = 2_000;

  /** Reads the current row of a result into a value. */
  @FunctionalInterface
  public interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  private ModelReads() {}

  /** Refuses a page size below one before any SQL runs. */
  public static void checkLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("the limit is at least 1, got " + limit);
    }
  }

  /**
   * The number a {@code SELECT COUNT(*)} with the model as its only parameter gives, on a
   * connection of its own; ends the read transaction a pool may have opened. A failure is the
   * store's, about {@code what}.
   */
  public static <X extends RuntimeException> long count(
      DataSource dataSource, String sql, String model, StoreFailure<X> failure, String what) {
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setString(1, model);
        try (ResultSet rows = statement.executeQuery()) {
          rows.next();
          return rows.getLong(1);
        }
      } finally {
        Connections.endRead(connection);
      }
    } catch (SQLException e) {
      throw failure.of(what, e);
    }
  }

  /**
   * Passes the rows of {@code sql}, whose parameters are the model, the window's start and end and
   * the limit, to {@code sink} and returns how many there were. The result comes through a cursor
   * {@link #FETCH_SIZE} rows at a time, which PostgreSQL's driver does only while the connection's
   * auto-commit is off: the caller runs this in a read transaction.
   */
  public static <T> long stream(
      Connection connection,
      String sql,
      Window window,
      RowReader<? extends T> reader,
      Consumer<? super T> sink)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      statement.setFetchSize(FETCH_SIZE);
      DatabaseProduct.preferBinaryResults(connection, statement);
      statement.setString(1, window.model());
      statement.setObject(2, JdbcValues.utc(window.from()));
      statement.setObject(3, JdbcValues.utc(window.to()));
      statement.setInt(4, window.limit());
      long passed = 0;
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          sink.accept(reader.read(rows));
          passed++;
        }
      }
      return passed;
    }
  }

  /**
   * The model's rows from {@code from} (inclusive) to {@code to} (exclusive), at most {@code limit}
   * of them; the stores check the limit themselves, after their other arguments.
   */
  public record Window(String model, Instant from, Instant to, int limit) {

    public Window {
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }
}
