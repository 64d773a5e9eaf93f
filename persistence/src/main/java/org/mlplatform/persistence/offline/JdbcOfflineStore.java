package org.mlplatform.persistence.offline;

import static org.mlplatform.persistence.offline.OfflineReads.failure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.offline.CloseableIterator;
import org.mlplatform.domain.features.offline.FeatureRow;
import org.mlplatform.domain.features.offline.HistoryIndex;
import org.mlplatform.domain.features.offline.OfflineStore;
import org.mlplatform.domain.features.offline.OfflineTable;
import org.mlplatform.domain.features.offline.RowFilter;
import org.mlplatform.persistence.offline.history.HistoryDirectory;
import org.mlplatform.persistence.offline.history.RowSource;

/**
 * The offline store on H2 or PostgreSQL through plain JDBC. Each call takes its own connection from
 * the data source and runs its own transaction, so call it outside a container transaction.
 * Thread-safe.
 */
public final class JdbcOfflineStore implements OfflineStore {

  private final DataSource dataSource;
  private final boolean copyOnPostgres;
  private final OfflineReads reads;
  private final OfflineStamps stamps;
  private final HistoryDirectory copies;

  /** A store that keeps no local copies: every training set reads the database. */
  public JdbcOfflineStore(DataSource dataSource) {
    this(dataSource, true, null);
  }

  /**
   * A store that keeps a local copy of each table a training set reads whole in {@code copies}, and
   * looks rows up there while the table is unchanged ({@link #history}).
   */
  public JdbcOfflineStore(DataSource dataSource, HistoryDirectory copies) {
    this(dataSource, true, Objects.requireNonNull(copies, "copies"));
  }

  /**
   * With {@code copyOnPostgres} false, PostgreSQL gets batched upserts and plain queries instead of
   * COPY in and out (to compare both paths).
   */
  JdbcOfflineStore(DataSource dataSource, boolean copyOnPostgres, HistoryDirectory copies) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.copyOnPostgres = copyOnPostgres;
    this.reads = new OfflineReads(dataSource);
    this.stamps = new OfflineStamps(dataSource);
    this.copies = copies;
  }

  @Override
  public void ensureTable(OfflineTable table) {
    try {
      JdbcTables.createIfAbsent(dataSource, new OfflineSql(table).createTable(), table.tableName());
      stamps.ensureTable();
    } catch (SQLException e) {
      throw failure("creating", table, e);
    }
  }

  @Override
  public long write(OfflineTable table, Iterator<FeatureRow> rows, LongConsumer progress) {
    OfflineSql sql = new OfflineSql(table);
    Instant ingestedAt = Instant.now();
    try {
      stamps.ensureTable();
    } catch (SQLException e) {
      throw failure("stamping", table, e);
    }
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        long written = writer(connection).write(connection, sql, rows, ingestedAt, progress);
        OfflineStamps.renew(connection, Dialect.of(connection), table);
        connection.commit();
        if (copies != null) {
          copies.afterWrite(table, () -> history(table, true));
        }
        return written;
      } catch (Throwable e) {
        rollback(connection, e);
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw failure("writing to", table, e);
    } catch (ClassCastException e) {
      throw new IllegalArgumentException(
          "a row value is not of its type's canonical Java class: " + e.getMessage(), e);
    }
  }

  @Override
  public CloseableIterator<Observation> scan(OfflineTable table, Instant upTo) {
    Objects.requireNonNull(upTo, "upTo");
    OfflineSql sql = new OfflineSql(table);
    return reads.open(
        sql,
        dialect -> sql.scan(),
        (connection, dialect, statement) -> statement.setObject(1, ColumnCodec.bound(upTo)),
        dialect -> OfflineReads.observations(sql, dialect));
  }

  @Override
  public CloseableIterator<Observation> scanRange(
      OfflineTable table, Instant from, Instant upTo, RowFilter filter) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(upTo, "upTo");
    OfflineSql sql = new OfflineSql(table);
    if (copyOnPostgres) {
      CloseableIterator<Observation> copied = reads.openCopy(sql, from, upTo, filter);
      if (copied != null) {
        return copied;
      }
    }
    return reads.open(
        sql,
        dialect -> sql.scanRange(),
        (connection, dialect, statement) -> {
          statement.setObject(1, ColumnCodec.bound(from));
          statement.setObject(2, ColumnCodec.bound(upTo));
        },
        dialect -> OfflineReads.observations(sql, dialect, filter));
  }

  @Override
  public CloseableIterator<Observation> scanRange(
      OfflineTable table, Set<EntityKey> keys, Instant from, Instant upTo, RowFilter filter) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(upTo, "upTo");
    if (keys.isEmpty()) {
      return ResultSetCursor.empty();
    }
    OfflineSql sql = new OfflineSql(table);
    Object[][] columns = keyColumns(table, keys);
    return reads.open(
        sql,
        sql::scanRangeKeys,
        (connection, dialect, statement) -> {
          // One array per join key, zipped by UNNEST: any number of keys in one statement.
          for (int i = 0; i < columns.length; i++) {
            String element = dialect.arrayElementType(sql.types().get(i));
            statement.setArray(i + 1, connection.createArrayOf(element, columns[i]));
          }
          statement.setObject(columns.length + 1, ColumnCodec.bound(from));
          statement.setObject(columns.length + 2, ColumnCodec.bound(upTo));
        },
        dialect -> OfflineReads.observations(sql, dialect, filter));
  }

  @Override
  public CloseableIterator<Observation> latestPerEntity(
      OfflineTable table, Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    OfflineSql sql = new OfflineSql(table);
    return reads.open(
        sql,
        dialect -> sql.latestCandidates(),
        (connection, dialect, statement) -> {
          statement.setObject(1, ColumnCodec.bound(from));
          statement.setObject(2, ColumnCodec.bound(to));
        },
        dialect -> OfflineReads.firstPerKey(OfflineReads.observations(sql, dialect)));
  }

  @Override
  public long count(OfflineTable table) {
    OfflineSql sql = new OfflineSql(table);
    try (Connection connection = dataSource.getConnection()) {
      if (!OfflineReads.exists(connection, sql)) {
        return 0;
      }
      try (Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery(sql.count())) {
        result.next();
        return result.getLong(1);
      }
    } catch (SQLException e) {
      throw failure("counting", table, e);
    }
  }

  /**
   * The local copy of the table at its current stamp; with {@code buildIfStale}, made first when
   * missing. A table not written since stamps were kept has none until its next write.
   */
  @Override
  public Optional<HistoryIndex> history(OfflineTable table, boolean buildIfStale) {
    if (copies == null) {
      return Optional.empty();
    }
    OptionalLong stamp = stamp(table);
    if (stamp.isEmpty()) {
      return Optional.empty();
    }
    long at = stamp.getAsLong();
    Optional<HistoryIndex> copy = copies.current(table, at);
    if (copy.isPresent() || !buildIfStale) {
      return copy;
    }
    return copies.build(table, at, allRows(table), () -> stamp(table).equals(stamp));
  }

  /** Every stored row, decoded straight into the copy where PostgreSQL's binary COPY serves. */
  private RowSource allRows(OfflineTable table) {
    RowSource scanned =
        RowSource.of(() -> scanRange(table, Instant.MIN, Instant.MAX, RowFilter.ALL));
    if (!copyOnPostgres) {
      return scanned;
    }
    return sink -> {
      CloseableIterator<Observation> copied =
          reads.openCopy(new OfflineSql(table), Instant.MIN, Instant.MAX, RowFilter.ALL);
      if (copied == null) {
        return scanned.copyTo(sink);
      }
      try (copied) { // not a COPY when the table does not exist yet: no rows
        return !(copied instanceof PgCopyReader reader) || reader.copyTo(sink);
      }
    };
  }

  private OptionalLong stamp(OfflineTable table) {
    try {
      return stamps.read(table);
    } catch (SQLException e) {
      throw failure("reading the stamp of", table, e);
    }
  }

  /** The wanted keys as one array per join key column, in canonical types. */
  private static Object[][] keyColumns(OfflineTable table, Set<EntityKey> keys) {
    int width = table.joinKeys().size();
    Object[][] columns = new Object[width][keys.size()];
    int row = 0;
    for (EntityKey key : keys) {
      List<Object> values = key.values();
      if (values.size() != width) {
        throw new IllegalArgumentException(
            "entity key " + key + " does not have the " + width + " join keys of " + table.view());
      }
      for (int i = 0; i < width; i++) {
        columns[i][row] = table.joinKeys().get(i).type().coerce(values.get(i));
      }
      row++;
    }
    return columns;
  }

  private RowWriter writer(Connection connection) throws SQLException {
    Dialect dialect = Dialect.of(connection);
    if (dialect == Dialect.POSTGRESQL && copyOnPostgres && PgCopyWriter.canCopy(connection)) {
      return new PgCopyWriter();
    }
    return new BatchUpsertWriter(dialect);
  }

  private static void rollback(Connection connection, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }
}
