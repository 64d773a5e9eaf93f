package org.mlplatform.persistence.serving;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.mlplatform.domain.serving.PredictionLogException;
import org.mlplatform.domain.serving.PredictionLogStore;
import org.mlplatform.domain.serving.PredictionRecord;
import org.mlplatform.domain.serving.TrafficBucket;
import org.mlplatform.persistence.jdbc.Connections;
import org.mlplatform.persistence.jdbc.DatabaseProduct;
import org.mlplatform.persistence.jdbc.JdbcValues;
import org.mlplatform.persistence.jdbc.ModelReads;
import org.mlplatform.persistence.jdbc.OwnTransaction;
import org.mlplatform.persistence.jdbc.StoreFailure;

/**
 * The prediction log in table {@code prediction_log} on H2 or PostgreSQL, through plain JDBC. Each
 * call takes its own connection from the data source and ends its own transaction, so call it
 * outside a container transaction (as the online store). Thread-safe.
 *
 * <p>Appends are JDBC batches in one transaction. A record whose id is already there is skipped:
 * {@code ON CONFLICT (id) DO NOTHING} on PostgreSQL, which is atomic also against a concurrent
 * append of the same id; on H2 a {@code MERGE ... WHEN NOT MATCHED THEN INSERT}, where two
 * overlapping appends of the same new id may fail one of them (H2 is for single-node development).
 */
public final class JdbcPredictionLogStore implements PredictionLogStore {

  /** Rows per JDBC batch. */
  private static final int BATCH_ROWS = 500;

  private static final String COLUMNS =
      "id, predicted_at, model, version, route, request_id, inputs, outputs, latency_micros";

  /**
   * One statement per batch with the columns as arrays: PostgreSQL plans and executes it once,
   * where a JDBC batch of single-row inserts executes every row on its own (several times the
   * server's CPU, which serving shares).
   */
  private static final String PG_INSERT =
      "INSERT INTO prediction_log ("
          + COLUMNS
          + ") SELECT u.id, u.at::timestamptz, u.model, u.version, u.route, u.request_id,"
          + " u.inputs, u.outputs, u.latency FROM unnest(?::uuid[], ?::text[], ?::text[],"
          + " ?::int4[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int8[])"
          + " AS u(id, at, model, version, route, request_id, inputs, outputs, latency)"
          + " ON CONFLICT (id) DO NOTHING";

  private static final String H2_MERGE =
      "MERGE INTO prediction_log t USING (SELECT CAST(? AS UUID) AS id,"
          + " CAST(? AS TIMESTAMP WITH TIME ZONE) AS predicted_at,"
          + " CAST(? AS VARCHAR(63)) AS model,"
          + " CAST(? AS INTEGER) AS version,"
          + " CAST(? AS VARCHAR(16)) AS route,"
          + " CAST(? AS VARCHAR(200)) AS request_id,"
          + " CAST(? AS VARCHAR(1000000)) AS inputs,"
          + " CAST(? AS VARCHAR(1000000)) AS outputs,"
          + " CAST(? AS BIGINT) AS latency_micros) s"
          + " ON (t.id = s.id)"
          + " WHEN NOT MATCHED THEN INSERT ("
          + COLUMNS
          + ") VALUES (s.id, s.predicted_at, s.model, s.version, s.route, s.request_id, s.inputs,"
          + " s.outputs, s.latency_micros)";

  // Newest first along the (model, predicted_at) index.
  private static final String RECENT =
      "SELECT "
          + COLUMNS
          + " FROM prediction_log WHERE model = ? ORDER BY predicted_at DESC LIMIT ?";

  // The same index, read backwards over the window.
  private static final String SCAN =
      "SELECT "
          + COLUMNS
          + " FROM prediction_log WHERE model = ? AND predicted_at >= ? AND predicted_at < ?"
          + " ORDER BY predicted_at DESC LIMIT ?";

  /**
   * Buckets by whole epoch seconds, which H2 and PostgreSQL both give as a decimal: the bucket
   * number is floor(seconds / length). Numbered in a subquery because PostgreSQL would not see the
   * parameter in the select list and in GROUP BY as the same expression.
   */
  private static final String TRAFFIC =
      "SELECT bucket, COUNT(*), AVG(latency_micros), MAX(latency_micros) FROM ("
          + "SELECT CAST(FLOOR(EXTRACT(EPOCH FROM predicted_at) / ?) AS BIGINT) AS bucket,"
          + " latency_micros FROM prediction_log"
          + " WHERE model = ? AND predicted_at >= ? AND predicted_at < ?"
          + " AND route IN ('"
          + PredictionRecord.PRIMARY
          + "', '"
          + PredictionRecord.CANARY
          + "')) t GROUP BY bucket ORDER BY bucket";

  private static final String COUNT = "SELECT COUNT(*) FROM prediction_log WHERE model = ?";

  private static final String DELETE_OLDER = "DELETE FROM prediction_log WHERE predicted_at < ?";

  private static final StoreFailure<PredictionLogException> FAILURE = PredictionLogException::new;

  private final DataSource dataSource;

  public JdbcPredictionLogStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @Override
  public void append(List<PredictionRecord> records) {
    List<PredictionRecord> batch = List.copyOf(records); // rejects nulls before any SQL runs
    if (batch.isEmpty()) {
      return;
    }
    try {
      OwnTransaction.commit(
          dataSource,
          connection -> {
            write(connection, insertFor(connection), batch);
            return null;
          });
    } catch (SQLException e) {
      throw FAILURE.of("appending " + batch.size() + " predictions", e);
    }
  }

  @Override
  public List<PredictionRecord> recent(String model, int limit) {
    Objects.requireNonNull(model, "model");
    ModelReads.checkLimit(limit);
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement statement = connection.prepareStatement(RECENT)) {
        statement.setString(1, model);
        statement.setInt(2, limit);
        List<PredictionRecord> found = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            found.add(record(rows));
          }
        }
        return List.copyOf(found);
      } finally {
        Connections.endRead(connection);
      }
    } catch (SQLException e) {
      throw FAILURE.of("reading the predictions of " + model, e);
    }
  }

  @Override
  public long count(String model) {
    Objects.requireNonNull(model, "model");
    return ModelReads.count(
        dataSource, COUNT, model, FAILURE, "counting the predictions of " + model);
  }

  @Override
  public int deleteOlderThan(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement statement = connection.prepareStatement(DELETE_OLDER)) {
        statement.setObject(1, JdbcValues.utc(cutoff));
        int deleted = statement.executeUpdate();
        if (!connection.getAutoCommit()) {
          connection.commit();
        }
        return deleted;
      } catch (SQLException | RuntimeException e) {
        if (!connection.getAutoCommit()) {
          Connections.rollback(connection, e);
        }
        throw e;
      }
    } catch (SQLException e) {
      throw FAILURE.of("deleting predictions before " + cutoff, e);
    }
  }

  /**
   * Streams through a cursor: PostgreSQL's driver keeps the whole result in memory unless
   * auto-commit is off and a fetch size is set, so the read runs in a transaction of its own.
   */
  @Override
  public long scan(
      String model, Instant from, Instant to, int limit, Consumer<PredictionRecord> sink) {
    ModelReads.Window window = new ModelReads.Window(model, from, to, limit);
    Objects.requireNonNull(sink, "sink");
    ModelReads.checkLimit(limit);
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        return ModelReads.stream(connection, SCAN, window, JdbcPredictionLogStore::record, sink);
      } finally {
        connection.rollback(); // read-only: nothing to keep, and it closes the cursor
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw FAILURE.of("scanning the predictions of " + model, e);
    }
  }

  @Override
  public List<TrafficBucket> traffic(String model, Instant from, Instant to, Duration bucket) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    long seconds = TrafficBucket.seconds(bucket);
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement statement = connection.prepareStatement(TRAFFIC)) {
        statement.setLong(1, seconds);
        statement.setString(2, model);
        statement.setObject(3, JdbcValues.utc(from));
        statement.setObject(4, JdbcValues.utc(to));
        List<TrafficBucket> buckets = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            buckets.add(
                new TrafficBucket(
                    Instant.ofEpochSecond(rows.getLong(1) * seconds),
                    rows.getLong(2),
                    rows.getDouble(3),
                    rows.getLong(4)));
          }
        }
        return List.copyOf(buckets);
      } finally {
        Connections.endRead(connection);
      }
    } catch (SQLException e) {
      throw FAILURE.of("counting the traffic of " + model, e);
    }
  }

  private static void write(Connection connection, String insert, List<PredictionRecord> batch)
      throws SQLException {
    if (insert.equals(PG_INSERT)) {
      for (int from = 0; from < batch.size(); from += BATCH_ROWS) {
        writeArrays(connection, batch.subList(from, Math.min(batch.size(), from + BATCH_ROWS)));
      }
      return;
    }
    try (PreparedStatement statement = connection.prepareStatement(insert)) {
      int pending = 0;
      for (PredictionRecord r : batch) {
        statement.setObject(1, r.id());
        statement.setObject(2, JdbcValues.utc(r.at()));
        statement.setString(3, r.model());
        statement.setInt(4, r.version());
        statement.setString(5, r.route());
        if (r.requestId() == null) {
          statement.setNull(6, Types.VARCHAR);
        } else {
          statement.setString(6, r.requestId());
        }
        statement.setString(7, r.inputs());
        statement.setString(8, r.outputs());
        statement.setLong(9, r.latencyMicros());
        statement.addBatch();
        if (++pending == BATCH_ROWS) {
          statement.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        statement.executeBatch();
      }
    }
  }

  private static void writeArrays(Connection connection, List<PredictionRecord> rows)
      throws SQLException {
    int n = rows.size();
    UUID[] ids = new UUID[n];
    String[] times = new String[n];
    String[] models = new String[n];
    Integer[] versions = new Integer[n];
    String[] routes = new String[n];
    String[] requestIds = new String[n];
    String[] inputs = new String[n];
    String[] outputs = new String[n];
    Long[] latencies = new Long[n];
    for (int i = 0; i < n; i++) {
      PredictionRecord r = rows.get(i);
      ids[i] = r.id();
      times[i] = r.at().toString();
      models[i] = r.model();
      versions[i] = r.version();
      routes[i] = r.route();
      requestIds[i] = r.requestId();
      inputs[i] = r.inputs();
      outputs[i] = r.outputs();
      latencies[i] = r.latencyMicros();
    }
    // The log is written from a bounded in-memory queue that a crash loses anyway; not waiting
    // for the WAL flush of each batch keeps the database's share of the serving cores small.
    try (var async = connection.createStatement()) {
      async.execute("SET LOCAL synchronous_commit = off");
    }
    try (PreparedStatement statement = connection.prepareStatement(PG_INSERT)) {
      statement.setArray(1, connection.createArrayOf("uuid", ids));
      statement.setArray(2, connection.createArrayOf("text", times));
      statement.setArray(3, connection.createArrayOf("text", models));
      statement.setArray(4, connection.createArrayOf("int4", versions));
      statement.setArray(5, connection.createArrayOf("text", routes));
      statement.setArray(6, connection.createArrayOf("text", requestIds));
      statement.setArray(7, connection.createArrayOf("text", inputs));
      statement.setArray(8, connection.createArrayOf("text", outputs));
      statement.setArray(9, connection.createArrayOf("int8", latencies));
      statement.executeUpdate();
    }
  }

  private static PredictionRecord record(ResultSet row) throws SQLException {
    return new PredictionRecord(
        row.getObject(1, UUID.class),
        JdbcValues.instant(row, 2),
        row.getString(3),
        row.getInt(4),
        row.getString(5),
        row.getString(6),
        row.getString(7),
        row.getString(8),
        row.getLong(9));
  }

  /** The idempotent insert of the connected database. */
  private static String insertFor(Connection connection) throws SQLException {
    return DatabaseProduct.choose(
        connection,
        H2_MERGE,
        PG_INSERT,
        product ->
            new PredictionLogException(
                "the prediction log supports H2 and PostgreSQL, not " + product, null));
  }
}
