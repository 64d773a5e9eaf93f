package org.mlplatform.persistence.serving;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/** Model rows for deployments to point at, written straight into the registry's tables. */
final class ServingTestData {

  private static final OffsetDateTime T0 =
      OffsetDateTime.of(2026, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);

  private ServingTestData() {}

  /** A model with versions 1 to {@code versions}. */
  static void model(DataSource dataSource, String name, int versions) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement model =
          c.prepareStatement(
              "INSERT INTO ml_model (name, description, owner, created_at, updated_at)"
                  + " VALUES (?, '', '', ?, ?)")) {
        model.setString(1, name);
        model.setObject(2, T0);
        model.setObject(3, T0);
        model.executeUpdate();
      }
      try (PreparedStatement version =
          c.prepareStatement(
              "INSERT INTO ml_model_version (model_name, version, format, sha256, size_bytes,"
                  + " description, source, registered_by, registered_at, signature_json,"
                  + " metrics_json, hyperparameters_json, mapping_json)"
                  + " VALUES (?, ?, 'onnx', ?, 1, '', 'UPLOADED', 'alice', ?, '{}', '{}', '{}',"
                  + " '{}')")) {
        for (int v = 1; v <= versions; v++) {
          version.setString(1, name);
          version.setInt(2, v);
          version.setString(3, "a".repeat(64));
          version.setObject(4, T0);
          version.addBatch();
        }
        version.executeBatch();
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
  }

  static void deleteModel(DataSource dataSource, String name) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement delete = c.prepareStatement("DELETE FROM ml_model WHERE name = ?")) {
      delete.setString(1, name);
      delete.executeUpdate();
    }
  }
}
