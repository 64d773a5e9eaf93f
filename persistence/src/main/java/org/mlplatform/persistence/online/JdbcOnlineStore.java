package org.mlplatform.persistence.online;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.offline.OfflineTable;
import org.mlplatform.domain.features.online.OnlineStore;
import org.mlplatform.domain.features.online.OnlineStoreException;
import org.mlplatform.persistence.offline.JdbcColumns;
import org.mlplatform.persistence.offline.JdbcTables;

/**
 * The online store on H2 or PostgreSQL through plain JDBC: table {@code ol_<view>_v<n>} per view
 * version, one row per entity. Each call takes its own connection from the data source and ends its
 * own transaction, so call it outside a container transaction. Thread-safe.
 *
 * <p>On PostgreSQL, concurrent materialisations of one view are safe ({@code ON CONFLICT} is
 * atomic). H2's {@code MERGE} is not atomic against a concurrent insert of the same new key, so on
 * H2 (single-node development) one of two overlapping runs may fail and roll back: run them one at
 * a time per view.
 */
public final class JdbcOnlineStore implements OnlineStore {

  /** The most keys in one lookup query, to stay far below both databases' parameter limits. */
  static final int MAX_KEYS_PER_QUERY = 500;

  /** Rows per JDBC batch when materialising. */
  private static final int BATCH_ROWS = 1_000;

  private final DataSource dataSource;

  public JdbcOnlineStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** The online table of a view version, {@code ol_<view>_v<n>}. */
  public static String tableName(OfflineTable table) {
    return OnlineSql.tableName(table);
  }

  @Override
  public void ensureTable(OfflineTable table) {
    try {
      JdbcTables.createIfAbsent(dataSource, new OnlineSql(table).createTable(), tableName(table));
    } catch (SQLException e) {
      throw failure("creating", table, e);
    }
  }

  @Override
  public long materialize(OfflineTable table, Iterator<Observation> latestRows) {
    OnlineSql sql = new OnlineSql(table);
    Instant materializedAt = Instant.now();
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        String upsert = JdbcColumns.isH2(connection) ? sql.h2Merge() : sql.pgUpsert();
        long written = write(connection, sql, upsert, latestRows, materializedAt);
        connection.commit();
        return written;
      } catch (Throwable e) {
        rollback(connection, e);
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw failure("materialising into", table, e);
    } catch (ClassCastException e) {
      throw new IllegalArgumentException(
          "a row value is not of its type's canonical Java class: " + e.getMessage(), e);
    }
  }

  @Override
  public Map<EntityKey, Observation> lookup(OfflineTable table, Collection<EntityKey> keys) {
    if (keys.isEmpty()) {
      return Map.of();
    }
    OnlineSql sql = new OnlineSql(table);
    List<EntityKey> distinct = new ArrayList<>(new LinkedHashSet<>(keys));
    Map<EntityKey, Observation> found = HashMap.newHashMap(distinct.size());
    try (Connection connection = dataSource.getConnection()) {
      try {
        for (int from = 0; from < distinct.size(); from += MAX_KEYS_PER_QUERY) {
          List<EntityKey> chunk =
              distinct.subList(from, Math.min(distinct.size(), from + MAX_KEYS_PER_QUERY));
          read(connection, sql, chunk, found);
        }
      } finally {
        endRead(connection);
      }
    } catch (SQLException e) {
      if (isMissingTable(e)) {
        return Map.of(); // never materialised
      }
      throw failure("looking up in", table, e);
    }
    return found;
  }

  @Override
  public long count(OfflineTable table) {
    OnlineSql sql = new OnlineSql(table);
    try (Connection connection = dataSource.getConnection()) {
      try (Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery(sql.count())) {
        result.next();
        return result.getLong(1);
      } finally {
        endRead(connection);
      }
    } catch (SQLException e) {
      if (isMissingTable(e)) {
        return 0;
      }
      throw failure("counting", table, e);
    }
  }

  private static long write(
      Connection connection,
      OnlineSql sql,
      String upsert,
      Iterator<Observation> rows,
      Instant materializedAt)
      throws SQLException {
    List<FeatureType> types = sql.types();
    int keys = sql.table().joinKeys().size();
    int features = sql.table().features().size();
    long written = 0;
    try (PreparedStatement statement = connection.prepareStatement(upsert)) {
      int pending = 0;
      while (rows.hasNext()) {
        Observation row = rows.next();
        List<Object> keyValues = row.key().values();
        if (keyValues.size() != keys || row.values().length != features) {
          throw new IllegalArgumentException(
              "a row of "
                  + keyValues.size()
                  + " keys and "
                  + row.values().length
                  + " values does not fit "
                  + tableName(sql.table()));
        }
        for (int i = 0; i < keys; i++) {
          JdbcColumns.bind(statement, i + 1, types.get(i), keyValues.get(i));
        }
        JdbcColumns.bind(statement, keys + 1, FeatureType.TIMESTAMP, row.eventTime());
        for (int i = 0; i < features; i++) {
          JdbcColumns.bind(statement, keys + 2 + i, types.get(keys + 1 + i), row.values()[i]);
        }
        JdbcColumns.bind(statement, types.size() + 1, FeatureType.TIMESTAMP, materializedAt);
        statement.addBatch();
        written++;
        if (++pending == BATCH_ROWS) {
          statement.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        statement.executeBatch();
      }
    }
    return written;
  }

  /**
   * Reads one chunk of keys. The IN list is padded (by repeating the last key) to a power of two or
   * to the maximum, so the databases see a handful of statement shapes they can keep prepared.
   */
  private static void read(
      Connection connection,
      OnlineSql sql,
      List<EntityKey> chunk,
      Map<EntityKey, Observation> found)
      throws SQLException {
    List<FeatureType> types = sql.types();
    int keys = sql.table().joinKeys().size();
    int slots = padded(chunk.size());
    try (PreparedStatement statement = connection.prepareStatement(sql.lookup(slots))) {
      int parameter = 1;
      for (int slot = 0; slot < slots; slot++) {
        List<Object> values = chunk.get(Math.min(slot, chunk.size() - 1)).values();
        if (values.size() != keys) {
          throw new IllegalArgumentException(
              "entity key "
                  + values
                  + " does not have the "
                  + keys
                  + " join keys of "
                  + sql.table().view());
        }
        for (int i = 0; i < keys; i++) {
          FeatureType type = types.get(i);
          JdbcColumns.bind(statement, parameter++, type, type.coerce(values.get(i)));
        }
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          Observation row = observation(rows, types, keys);
          found.put(row.key(), row);
        }
      }
    }
  }

  /** Maps a row in stored column order: join keys, event timestamp, features. */
  private static Observation observation(ResultSet row, List<FeatureType> types, int keys)
      throws SQLException {
    Object[] key = new Object[keys];
    for (int i = 0; i < keys; i++) {
      key[i] = JdbcColumns.read(row, i + 1, types.get(i));
    }
    Instant eventTime = (Instant) JdbcColumns.read(row, keys + 1, FeatureType.TIMESTAMP);
    Object[] values = new Object[types.size() - keys - 1];
    for (int i = 0; i < values.length; i++) {
      values[i] = JdbcColumns.read(row, keys + 2 + i, types.get(keys + 1 + i));
    }
    return new Observation(EntityKey.of(key), eventTime, values);
  }

  static int padded(int keyCount) {
    int power = Integer.highestOneBit(Math.max(1, keyCount - 1)) << 1;
    return keyCount <= 1 ? 1 : Math.min(MAX_KEYS_PER_QUERY, power);
  }

  /** Ends the read transaction a pool may have opened (auto-commit off) without keeping locks. */
  private static void endRead(Connection connection) throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.rollback();
    }
  }

  /**
   * PostgreSQL's undefined_table; H2's "table not found" (plain, with candidates, empty schema).
   */
  private static boolean isMissingTable(SQLException e) {
    return switch (String.valueOf(e.getSQLState())) {
      case "42P01", "42S02", "42S03", "42S04" -> true;
      default -> false;
    };
  }

  private static void rollback(Connection connection, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private static OnlineStoreException failure(String what, OfflineTable table, SQLException e) {
    SQLException next = e.getNextException(); // batches hide the real cause here
    String detail = e.getMessage() + (next == null ? "" : " (" + next.getMessage() + ")");
    return new OnlineStoreException(what + " " + tableName(table) + " failed: " + detail, e);
  }
}
