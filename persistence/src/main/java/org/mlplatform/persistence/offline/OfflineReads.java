package org.mlplatform.persistence.offline;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.offline.CloseableIterator;
import org.mlplatform.domain.features.offline.OfflineStoreException;
import org.mlplatform.domain.features.offline.OfflineTable;
import org.mlplatform.domain.features.offline.RowFilter;
import org.postgresql.PGStatement;

/**
 * Opens streaming reads of a view version's table: a forward-only cursor that fetches a bounded
 * number of rows per round trip, inside a read-only transaction because PostgreSQL only streams
 * with auto-commit off (otherwise it sends the whole result at once).
 */
final class OfflineReads {

  /** Rows per round trip when reading. */
  static final int FETCH_SIZE = 10_000;

  /** Binds a query's parameters; gets the connection and dialect to create arrays. */
  interface Binder {
    void bind(Connection connection, Dialect dialect, PreparedStatement statement)
        throws SQLException;
  }

  private final DataSource dataSource;
  private volatile Boolean copyUsable; // the same for every connection of the data source

  OfflineReads(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A cursor over the query's rows; empty when the table does not exist yet. */
  <T> CloseableIterator<T> open(
      OfflineSql sql,
      Function<Dialect, String> query,
      Binder binder,
      Function<Dialect, ResultSetCursor.RowMapper<T>> mapper) {
    Connection connection = null;
    PreparedStatement statement = null;
    try {
      connection = dataSource.getConnection();
      if (!exists(connection, sql)) {
        connection.close();
        return ResultSetCursor.empty();
      }
      Dialect dialect = Dialect.of(connection);
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      statement =
          connection.prepareStatement(
              query.apply(dialect), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      statement.setFetchSize(FETCH_SIZE);
      preferBinaryResults(dialect, statement);
      binder.bind(connection, dialect, statement);
      return new ResultSetCursor<>(
          connection, statement, statement.executeQuery(), mapper.apply(dialect), autoCommit);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(statement, e);
      closeQuietly(connection, e);
      throw e instanceof SQLException sqlException
          ? failure("reading", sql.table(), sqlException)
          : (RuntimeException) e;
    }
  }

  /**
   * A range scan read with {@link PgCopyReader}; null when the database cannot serve it that way
   * (not PostgreSQL, or not UTF-8), for the caller to fall back on {@link #open}.
   */
  CloseableIterator<Observation> openCopy(
      OfflineSql sql, Instant from, Instant upTo, RowFilter filter) {
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      if (!exists(connection, sql)) {
        connection.close();
        return ResultSetCursor.empty();
      }
      if (!copyUsable(connection)) {
        connection.close();
        return null;
      }
      return PgCopyReader.open(connection, sql, from, upTo, filter);
    } catch (SQLException | IOException | RuntimeException e) {
      closeQuietly(connection, e);
      if (e instanceof SQLException sqlException) {
        throw failure("reading", sql.table(), sqlException);
      }
      throw e instanceof RuntimeException runtime
          ? runtime
          : new OfflineStoreException(
              "reading " + sql.table().tableName() + " failed: " + e.getMessage(), e);
    }
  }

  private boolean copyUsable(Connection connection) throws SQLException {
    Boolean usable = copyUsable;
    if (usable == null) {
      usable = PgCopyReader.usable(connection);
      copyUsable = usable;
    }
    return usable;
  }

  /**
   * On PostgreSQL, asks for a server-prepared statement from the first execution, which makes the
   * driver fetch rows in binary: decoding a million rows of numbers and times from text took about
   * three times as long (TrainingSetBenchmark).
   */
  private static void preferBinaryResults(Dialect dialect, PreparedStatement statement)
      throws SQLException {
    if (dialect == Dialect.POSTGRESQL && statement.isWrapperFor(PGStatement.class)) {
      statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
    }
  }

  /** Maps rows in stored column order (keys, event timestamp, features) to observations. */
  static ResultSetCursor.RowMapper<Observation> observations(OfflineSql sql, Dialect dialect) {
    return observations(sql, dialect, RowFilter.ALL);
  }

  /**
   * Like {@link #observations(OfflineSql, Dialect)}, skipping the rows {@code filter} does not want
   * before decoding their values.
   */
  static ResultSetCursor.RowMapper<Observation> observations(
      OfflineSql sql, Dialect dialect, RowFilter filter) {
    List<FeatureType> types = sql.types();
    int keys = sql.table().joinKeys().size();
    return row -> {
      Object[] key = new Object[keys];
      for (int i = 0; i < keys; i++) {
        key[i] = ColumnCodec.read(row, i + 1, types.get(i), dialect);
      }
      EntityKey entity = EntityKey.of(key);
      Instant eventTime = (Instant) ColumnCodec.read(row, keys + 1, FeatureType.TIMESTAMP, dialect);
      if (!filter.wants(entity, eventTime)) {
        return null;
      }
      Object[] values = new Object[types.size() - keys - 1];
      for (int i = 0; i < values.length; i++) {
        values[i] = ColumnCodec.read(row, keys + 2 + i, types.get(keys + 1 + i), dialect);
      }
      return new Observation(entity, eventTime, values);
    };
  }

  /**
   * Keeps the first observation of each key. Done here rather than in SQL because H2 has no {@code
   * DISTINCT ON}; the rows arrive grouped by key anyway, so it costs one comparison a row.
   */
  static ResultSetCursor.RowMapper<Observation> firstPerKey(
      ResultSetCursor.RowMapper<Observation> newestFirst) {
    return new ResultSetCursor.RowMapper<>() {
      private EntityKey previous;

      @Override
      public Observation map(ResultSet row) throws SQLException {
        Observation observation = newestFirst.map(row);
        if (observation.key().equals(previous)) {
          return null;
        }
        previous = observation.key();
        return observation;
      }
    };
  }

  static boolean exists(Connection connection, OfflineSql sql) throws SQLException {
    return JdbcTables.exists(connection, sql.table().tableName());
  }

  static OfflineStoreException failure(String what, OfflineTable table, SQLException e) {
    SQLException next = e.getNextException(); // batches hide the real cause here
    String detail = e.getMessage() + (next == null ? "" : " (" + next.getMessage() + ")");
    return new OfflineStoreException(what + " " + table.tableName() + " failed: " + detail, e);
  }

  private static void closeQuietly(AutoCloseable resource, Exception failure) {
    if (resource != null) {
      try {
        resource.close();
      } catch (Exception e) {
        failure.addSuppressed(e);
      }
    }
  }
}
