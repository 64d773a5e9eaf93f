package org.mlplatform.persistence.monitoring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.mlplatform.domain.monitoring.feedback.FeedbackStore;
import org.mlplatform.domain.monitoring.feedback.FeedbackStoreException;
import org.mlplatform.domain.monitoring.feedback.GroundTruth;
import org.mlplatform.domain.monitoring.feedback.LabelledPrediction;
import org.mlplatform.persistence.jdbc.Connections;
import org.mlplatform.persistence.jdbc.DatabaseProduct;
import org.mlplatform.persistence.jdbc.JdbcValues;
import org.mlplatform.persistence.jdbc.ModelReads;
import org.mlplatform.persistence.jdbc.OwnTransaction;
import org.mlplatform.persistence.jdbc.StoreFailure;

/**
 * Ground truth in table {@code prediction_feedback} on H2 or PostgreSQL, through plain JDBC. Each
 * call takes its own connection and ends its own transaction. Thread-safe.
 *
 * <p>Upserts tell new rows from replaced ones exactly on PostgreSQL ({@code RETURNING (xmax = 0)}
 * is true for a row the statement inserted), also against a concurrent upsert of the same row. H2
 * cannot say which rows a {@code MERGE} inserted, so the keys already stored are read first in the
 * same transaction; two overlapping batches with the same new row may then both count it, or one
 * fail (H2 is for single-node development).
 */
public final class JdbcFeedbackStore implements FeedbackStore {

  /** Rows per statement: one array statement on PostgreSQL, one JDBC batch on H2. */
  private static final int CHUNK = 1_000;

  private static final String COLUMNS =
      "prediction_id, row_index, model, label, numeric_value, given_by, received_at";

  /** A stored truth stays if it was received after the one arriving now (a late retry). */
  private static final String PG_UPSERT =
      "INSERT INTO prediction_feedback AS f ("
          + COLUMNS
          + ") SELECT u.id, u.row_index, u.model, u.label, u.numeric_value, u.given_by,"
          + " u.received_at::timestamptz FROM unnest(?::uuid[], ?::int4[], ?::text[], ?::text[],"
          + " ?::float8[], ?::text[], ?::text[])"
          + " AS u(id, row_index, model, label, numeric_value, given_by, received_at)"
          + " ON CONFLICT (prediction_id, row_index) DO UPDATE SET model = EXCLUDED.model,"
          + " label = EXCLUDED.label, numeric_value = EXCLUDED.numeric_value,"
          + " given_by = EXCLUDED.given_by, received_at = EXCLUDED.received_at"
          + " WHERE f.received_at <= EXCLUDED.received_at"
          + " RETURNING (xmax = 0)";

  private static final String H2_EXISTING =
      "SELECT prediction_id, row_index FROM prediction_feedback WHERE prediction_id = ANY(?)";

  private static final String H2_MERGE =
      "MERGE INTO prediction_feedback f USING (SELECT CAST(? AS UUID) AS prediction_id,"
          + " CAST(? AS INTEGER) AS row_index,"
          + " CAST(? AS VARCHAR(63)) AS model,"
          + " CAST(? AS VARCHAR(200)) AS label,"
          + " CAST(? AS DOUBLE PRECISION) AS numeric_value,"
          + " CAST(? AS VARCHAR(200)) AS given_by,"
          + " CAST(? AS TIMESTAMP WITH TIME ZONE) AS received_at) s"
          + " ON (f.prediction_id = s.prediction_id AND f.row_index = s.row_index)"
          + " WHEN MATCHED AND f.received_at <= s.received_at THEN UPDATE SET model = s.model,"
          + " label = s.label, numeric_value = s.numeric_value, given_by = s.given_by,"
          + " received_at = s.received_at"
          + " WHEN NOT MATCHED THEN INSERT ("
          + COLUMNS
          + ") VALUES (s.prediction_id, s.row_index, s.model, s.label, s.numeric_value,"
          + " s.given_by, s.received_at)";

  private static final String MATCHED =
      "SELECT COUNT(*) FROM prediction_log WHERE model = ? AND id = ANY(?)";

  /** Newest prediction first; the rows of one prediction in row order. */
  private static final String SCAN_LABELLED =
      "SELECT f.prediction_id, f.row_index, p.predicted_at, p.version, p.outputs, f.label,"
          + " f.numeric_value FROM prediction_log p JOIN prediction_feedback f"
          + " ON f.prediction_id = p.id AND f.model = p.model"
          + " WHERE p.model = ? AND p.predicted_at >= ? AND p.predicted_at < ?"
          + " ORDER BY p.predicted_at DESC, f.prediction_id, f.row_index LIMIT ?";

  private static final String COUNT = "SELECT COUNT(*) FROM prediction_feedback WHERE model = ?";

  private static final StoreFailure<FeedbackStoreException> FAILURE = FeedbackStoreException::new;

  private final DataSource dataSource;

  public JdbcFeedbackStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @Override
  public int record(List<GroundTruth> truths) {
    Collection<GroundTruth> winners = winners(List.copyOf(truths));
    if (winners.isEmpty()) {
      return 0;
    }
    List<GroundTruth> rows = List.copyOf(winners);
    try {
      return OwnTransaction.commit(
          dataSource,
          connection -> {
            boolean postgres = DatabaseProduct.isPostgres(connection);
            int inserted = 0;
            for (int from = 0; from < rows.size(); from += CHUNK) {
              List<GroundTruth> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
              inserted += postgres ? upsertPostgres(connection, chunk) : mergeH2(connection, chunk);
            }
            return inserted;
          });
    } catch (SQLException e) {
      throw FAILURE.of("recording " + rows.size() + " ground truths", e);
    }
  }

  @Override
  public long matched(String model, List<UUID> ids) {
    Objects.requireNonNull(model, "model");
    List<UUID> distinct = List.copyOf(new LinkedHashSet<>(ids));
    if (distinct.isEmpty()) {
      return 0;
    }
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement statement = connection.prepareStatement(MATCHED)) {
        long matched = 0;
        for (int from = 0; from < distinct.size(); from += CHUNK) {
          List<UUID> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
          statement.setString(1, model);
          statement.setArray(2, connection.createArrayOf("uuid", chunk.toArray()));
          try (ResultSet row = statement.executeQuery()) {
            row.next();
            matched += row.getLong(1);
          }
        }
        return matched;
      } finally {
        Connections.endRead(connection);
      }
    } catch (SQLException e) {
      throw FAILURE.of("matching ground truth with the predictions of " + model, e);
    }
  }

  @Override
  public long scanLabelled(
      String model, Instant from, Instant to, int limit, Consumer<LabelledPrediction> sink) {
    ModelReads.Window window = new ModelReads.Window(model, from, to, limit);
    Objects.requireNonNull(sink, "sink");
    ModelReads.checkLimit(limit);
    try {
      return OwnTransaction.read(
          dataSource,
          connection ->
              ModelReads.stream(
                  connection, SCAN_LABELLED, window, JdbcFeedbackStore::labelled, sink));
    } catch (SQLException e) {
      throw FAILURE.of("reading the labelled predictions of " + model, e);
    }
  }

  @Override
  public long count(String model) {
    Objects.requireNonNull(model, "model");
    return ModelReads.count(
        dataSource, COUNT, model, FAILURE, "counting the ground truth of " + model);
  }

  /**
   * One truth per prediction row, the one that would stand after storing the batch in order: a
   * single statement may not touch a row twice on PostgreSQL.
   */
  private static Collection<GroundTruth> winners(List<GroundTruth> truths) {
    Map<RowKey, GroundTruth> winners = new LinkedHashMap<>();
    for (GroundTruth truth : truths) {
      winners.merge(
          new RowKey(truth.predictionId(), truth.row()),
          truth,
          (stored, arriving) ->
              stored.receivedAt().isAfter(arriving.receivedAt()) ? stored : arriving);
    }
    return winners.values();
  }

  private static int upsertPostgres(Connection connection, List<GroundTruth> chunk)
      throws SQLException {
    int n = chunk.size();
    UUID[] ids = new UUID[n];
    Integer[] rows = new Integer[n];
    String[] models = new String[n];
    String[] labels = new String[n];
    Double[] values = new Double[n];
    String[] givenBy = new String[n];
    String[] receivedAt = new String[n];
    for (int i = 0; i < n; i++) {
      GroundTruth truth = chunk.get(i);
      ids[i] = truth.predictionId();
      rows[i] = truth.row();
      models[i] = truth.model();
      labels[i] = truth.label().orElse(null);
      values[i] = truth.value().isPresent() ? truth.value().getAsDouble() : null;
      givenBy[i] = truth.givenBy();
      receivedAt[i] = truth.receivedAt().toString();
    }
    try (PreparedStatement statement = connection.prepareStatement(PG_UPSERT)) {
      statement.setArray(1, connection.createArrayOf("uuid", ids));
      statement.setArray(2, connection.createArrayOf("int4", rows));
      statement.setArray(3, connection.createArrayOf("text", models));
      statement.setArray(4, connection.createArrayOf("text", labels));
      statement.setArray(5, connection.createArrayOf("float8", values));
      statement.setArray(6, connection.createArrayOf("text", givenBy));
      statement.setArray(7, connection.createArrayOf("text", receivedAt));
      int inserted = 0;
      try (ResultSet written = statement.executeQuery()) {
        while (written.next()) {
          if (written.getBoolean(1)) {
            inserted++;
          }
        }
      }
      return inserted;
    }
  }

  private static int mergeH2(Connection connection, List<GroundTruth> chunk) throws SQLException {
    Set<RowKey> stored = storedKeys(connection, chunk);
    try (PreparedStatement statement = connection.prepareStatement(H2_MERGE)) {
      for (GroundTruth truth : chunk) {
        statement.setObject(1, truth.predictionId());
        statement.setInt(2, truth.row());
        statement.setString(3, truth.model());
        if (truth.label().isPresent()) {
          statement.setString(4, truth.label().get());
          statement.setNull(5, Types.DOUBLE);
        } else {
          statement.setNull(4, Types.VARCHAR);
          statement.setDouble(5, truth.value().getAsDouble());
        }
        statement.setString(6, truth.givenBy());
        statement.setObject(7, JdbcValues.utc(truth.receivedAt()));
        statement.addBatch();
      }
      statement.executeBatch();
    }
    return (int)
        chunk.stream()
            .filter(truth -> !stored.contains(new RowKey(truth.predictionId(), truth.row())))
            .count();
  }

  private static Set<RowKey> storedKeys(Connection connection, List<GroundTruth> chunk)
      throws SQLException {
    Object[] ids = chunk.stream().map(GroundTruth::predictionId).distinct().toArray();
    Set<RowKey> stored = new HashSet<>();
    try (PreparedStatement statement = connection.prepareStatement(H2_EXISTING)) {
      statement.setArray(1, connection.createArrayOf("uuid", ids));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          stored.add(new RowKey(rows.getObject(1, UUID.class), rows.getInt(2)));
        }
      }
    }
    return stored;
  }

  private static LabelledPrediction labelled(ResultSet row) throws SQLException {
    return new LabelledPrediction(
        row.getObject(1, UUID.class),
        row.getInt(2),
        JdbcValues.instant(row, 3),
        row.getInt(4),
        row.getString(5),
        Jdbc.optionalString(row, 6),
        Jdbc.optionalDouble(row, 7));
  }

  /** A prediction row: the table's primary key. */
  private record RowKey(UUID predictionId, int row) {}
}
