package org.mlplatform.persistence.monitoring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.mlplatform.domain.monitoring.history.MonitoringSnapshot;
import org.mlplatform.domain.monitoring.history.SnapshotColumn;

/**
 * A snapshot's children: its columns ({@code monitoring_snapshot_column}, in order) and its metrics
 * ({@code monitoring_snapshot_metric}), written as JDBC batches and read for many snapshots at
 * once.
 */
final class SnapshotDetails {

  private static final String COLUMN_FIELDS =
      "snapshot_id, position, column_name, kind, method, threshold, score, drifted, psi,"
          + " missing_share, out_of_range_share, new_category_share, status, reason";

  private static final String INSERT_COLUMN =
      "INSERT INTO monitoring_snapshot_column ("
          + COLUMN_FIELDS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String INSERT_METRIC =
      "INSERT INTO monitoring_snapshot_metric (snapshot_id, metric, metric_value) VALUES (?, ?, ?)";

  private static final String SELECT_COLUMNS =
      "SELECT "
          + COLUMN_FIELDS
          + " FROM monitoring_snapshot_column WHERE snapshot_id = ANY(?)"
          + " ORDER BY snapshot_id, position";

  private static final String SELECT_METRICS =
      "SELECT snapshot_id, metric, metric_value FROM monitoring_snapshot_metric"
          + " WHERE snapshot_id = ANY(?)";

  private SnapshotDetails() {}

  static void insert(Connection connection, MonitoringSnapshot snapshot) throws SQLException {
    if (!snapshot.columns().isEmpty()) {
      try (PreparedStatement statement = connection.prepareStatement(INSERT_COLUMN)) {
        int position = 0;
        for (SnapshotColumn column : snapshot.columns()) {
          bind(statement, snapshot.id(), position++, column);
          statement.addBatch();
        }
        statement.executeBatch();
      }
    }
    if (!snapshot.performance().isEmpty()) {
      try (PreparedStatement statement = connection.prepareStatement(INSERT_METRIC)) {
        for (Map.Entry<String, Double> metric : snapshot.performance().entrySet()) {
          statement.setObject(1, snapshot.id());
          statement.setString(2, metric.getKey());
          statement.setDouble(3, metric.getValue());
          statement.addBatch();
        }
        statement.executeBatch();
      }
    }
  }

  /** The columns of each snapshot, in order; a snapshot without columns is not in the map. */
  static Map<UUID, List<SnapshotColumn>> columns(Connection connection, List<UUID> snapshots)
      throws SQLException {
    Map<UUID, List<SnapshotColumn>> columns = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(SELECT_COLUMNS)) {
      statement.setArray(1, connection.createArrayOf("uuid", snapshots.toArray()));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          columns
              .computeIfAbsent(rows.getObject(1, UUID.class), id -> new ArrayList<>())
              .add(column(rows));
        }
      }
    }
    return columns;
  }

  /** The metrics of each snapshot; a snapshot without metrics is not in the map. */
  static Map<UUID, Map<String, Double>> metrics(Connection connection, List<UUID> snapshots)
      throws SQLException {
    Map<UUID, Map<String, Double>> metrics = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(SELECT_METRICS)) {
      statement.setArray(1, connection.createArrayOf("uuid", snapshots.toArray()));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          metrics
              .computeIfAbsent(rows.getObject(1, UUID.class), id -> new HashMap<>())
              .put(rows.getString(2), rows.getDouble(3));
        }
      }
    }
    return metrics;
  }

  private static void bind(
      PreparedStatement statement, UUID snapshot, int position, SnapshotColumn column)
      throws SQLException {
    statement.setObject(1, snapshot);
    statement.setInt(2, position);
    statement.setString(3, column.column());
    bind(statement, 4, column.kind());
    bind(statement, 5, column.method());
    bind(statement, 6, column.threshold());
    bind(statement, 7, column.score());
    statement.setBoolean(8, column.drifted());
    bind(statement, 9, column.psi());
    bind(statement, 10, column.missingShare());
    bind(statement, 11, column.outOfRangeShare());
    bind(statement, 12, column.newCategoryShare());
    statement.setString(13, column.status());
    bind(statement, 14, column.reason());
  }

  private static void bind(PreparedStatement statement, int index, Optional<String> value)
      throws SQLException {
    if (value.isPresent()) {
      statement.setString(index, value.get());
    } else {
      statement.setNull(index, Types.VARCHAR);
    }
  }

  private static void bind(PreparedStatement statement, int index, OptionalDouble value)
      throws SQLException {
    if (value.isPresent()) {
      statement.setDouble(index, value.getAsDouble());
    } else {
      statement.setNull(index, Types.DOUBLE);
    }
  }

  private static SnapshotColumn column(ResultSet row) throws SQLException {
    return new SnapshotColumn(
        row.getString(3),
        Jdbc.optionalString(row, 4),
        Jdbc.optionalString(row, 5),
        Jdbc.optionalDouble(row, 6),
        Jdbc.optionalDouble(row, 7),
        row.getBoolean(8),
        Jdbc.optionalDouble(row, 9),
        Jdbc.optionalDouble(row, 10),
        Jdbc.optionalDouble(row, 11),
        Jdbc.optionalDouble(row, 12),
        row.getString(13),
        Jdbc.optionalString(row, 14));
  }
}
