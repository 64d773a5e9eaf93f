package org.mlplatform.persistence.monitoring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.mlplatform.domain.monitoring.history.MonitoringHistory;
import org.mlplatform.domain.monitoring.history.MonitoringHistoryException;
import org.mlplatform.domain.monitoring.history.MonitoringSnapshot;
import org.mlplatform.domain.monitoring.history.SnapshotColumn;
import org.mlplatform.persistence.jdbc.JdbcValues;
import org.mlplatform.persistence.jdbc.ModelReads;
import org.mlplatform.persistence.jdbc.OwnTransaction;
import org.mlplatform.persistence.jdbc.StoreFailure;

/**
 * The monitoring history in table {@code monitoring_snapshot} (and its column and metric tables) on
 * H2 or PostgreSQL, through plain JDBC. Each call takes its own connection and ends its own
 * transaction, so call it outside a container transaction (as the scheduled monitoring job does).
 * Thread-safe.
 */
public final class JdbcMonitoringHistory implements MonitoringHistory {

  private static final String FIELDS =
      "id, model_name, version, computed_at, window_from, window_to, row_count, share_drifted,"
          + " dataset_drifted, labelled_rows, mean_latency_micros";

  private static final String INSERT =
      "INSERT INTO monitoring_snapshot (" + FIELDS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  // Newest first along the (model_name, computed_at) index; the caller turns the page around.
  private static final String LIST =
      "SELECT "
          + FIELDS
          + " FROM monitoring_snapshot WHERE model_name = ? AND computed_at >= ?"
          + " AND computed_at < ? ORDER BY computed_at DESC, id LIMIT ?";

  private static final String LATEST =
      "SELECT "
          + FIELDS
          + " FROM monitoring_snapshot WHERE model_name = ? ORDER BY computed_at DESC, id LIMIT 1";

  // The columns and metrics go by ON DELETE CASCADE.
  private static final String DELETE_OLDER =
      "DELETE FROM monitoring_snapshot WHERE computed_at < ?";

  private static final StoreFailure<MonitoringHistoryException> FAILURE =
      MonitoringHistoryException::new;

  private final DataSource dataSource;

  public JdbcMonitoringHistory(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @Override
  public void save(MonitoringSnapshot snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    try {
      OwnTransaction.commit(
          dataSource,
          connection -> {
            insert(connection, snapshot);
            SnapshotDetails.insert(connection, snapshot);
            return null;
          });
    } catch (SQLException e) {
      throw FAILURE.of(
          "saving monitoring snapshot " + snapshot.id() + " of " + snapshot.model(), e);
    }
  }

  @Override
  public List<MonitoringSnapshot> list(String model, Instant from, Instant to, int limit) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    ModelReads.checkLimit(limit);
    try {
      List<MonitoringSnapshot> newestFirst =
          OwnTransaction.read(
              dataSource,
              connection -> {
                try (PreparedStatement statement = connection.prepareStatement(LIST)) {
                  statement.setString(1, model);
                  statement.setObject(2, JdbcValues.utc(from));
                  statement.setObject(3, JdbcValues.utc(to));
                  statement.setInt(4, limit);
                  return read(connection, statement);
                }
              });
      return List.copyOf(newestFirst.reversed());
    } catch (SQLException e) {
      throw FAILURE.of("listing the monitoring history of " + model, e);
    }
  }

  @Override
  public Optional<MonitoringSnapshot> latest(String model) {
    Objects.requireNonNull(model, "model");
    try {
      return OwnTransaction.read(
              dataSource,
              connection -> {
                try (PreparedStatement statement = connection.prepareStatement(LATEST)) {
                  statement.setString(1, model);
                  return read(connection, statement);
                }
              })
          .stream()
          .findFirst();
    } catch (SQLException e) {
      throw FAILURE.of("reading the latest monitoring snapshot of " + model, e);
    }
  }

  @Override
  public int deleteOlderThan(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    try {
      return OwnTransaction.commit(
          dataSource,
          connection -> {
            try (PreparedStatement statement = connection.prepareStatement(DELETE_OLDER)) {
              statement.setObject(1, JdbcValues.utc(cutoff));
              return statement.executeUpdate();
            }
          });
    } catch (SQLException e) {
      throw FAILURE.of("deleting monitoring snapshots before " + cutoff, e);
    }
  }

  private static void insert(Connection connection, MonitoringSnapshot snapshot)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
      statement.setObject(1, snapshot.id());
      statement.setString(2, snapshot.model());
      statement.setInt(3, snapshot.version());
      statement.setObject(4, JdbcValues.utc(snapshot.computedAt()));
      statement.setObject(5, JdbcValues.utc(snapshot.windowFrom()));
      statement.setObject(6, JdbcValues.utc(snapshot.windowTo()));
      statement.setLong(7, snapshot.rows());
      statement.setDouble(8, snapshot.shareDrifted());
      statement.setBoolean(9, snapshot.datasetDrifted());
      statement.setLong(10, snapshot.labelledRows());
      statement.setDouble(11, snapshot.meanLatencyMicros());
      statement.executeUpdate();
    }
  }

  /** The snapshots the statement selects, in its order, each with its columns and metrics. */
  private static List<MonitoringSnapshot> read(Connection connection, PreparedStatement statement)
      throws SQLException {
    List<SnapshotRow> rows = new ArrayList<>();
    try (ResultSet result = statement.executeQuery()) {
      while (result.next()) {
        rows.add(SnapshotRow.of(result));
      }
    }
    if (rows.isEmpty()) {
      return List.of();
    }
    List<UUID> ids = rows.stream().map(SnapshotRow::id).toList();
    Map<UUID, List<SnapshotColumn>> columns = SnapshotDetails.columns(connection, ids);
    Map<UUID, Map<String, Double>> metrics = SnapshotDetails.metrics(connection, ids);
    return rows.stream()
        .map(
            row ->
                row.snapshot(
                    columns.getOrDefault(row.id(), List.of()),
                    metrics.getOrDefault(row.id(), Map.of())))
        .toList();
  }

  /** A {@code monitoring_snapshot} row before its children are read. */
  private record SnapshotRow(
      UUID id,
      String model,
      int version,
      Instant computedAt,
      Instant windowFrom,
      Instant windowTo,
      long rows,
      double shareDrifted,
      boolean datasetDrifted,
      long labelledRows,
      double meanLatencyMicros) {

    static SnapshotRow of(ResultSet row) throws SQLException {
      return new SnapshotRow(
          row.getObject(1, UUID.class),
          row.getString(2),
          row.getInt(3),
          JdbcValues.instant(row, 4),
          JdbcValues.instant(row, 5),
          JdbcValues.instant(row, 6),
          row.getLong(7),
          row.getDouble(8),
          row.getBoolean(9),
          row.getLong(10),
          row.getDouble(11));
    }

    MonitoringSnapshot snapshot(List<SnapshotColumn> columns, Map<String, Double> performance) {
      return new MonitoringSnapshot(
          id,
          model,
          version,
          computedAt,
          windowFrom,
          windowTo,
          rows,
          shareDrifted,
          datasetDrifted,
          columns,
          performance,
          labelledRows,
          meanLatencyMicros);
    }
  }
}
