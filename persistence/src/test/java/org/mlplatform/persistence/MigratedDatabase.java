package org.mlplatform.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.mlplatform.persistence.migration.SchemaMigrator;

/**
 * A {@link TestDatabase} migrated to the current schema, with the registered models the JDBC
 * repositories' rows point at (their foreign keys need one), and plain SQL for what a test checks
 * or breaks behind a repository's back.
 */
public final class MigratedDatabase implements AutoCloseable {

  /** When every model here was registered; the rows under test do not depend on it. */
  private static final OffsetDateTime REGISTERED =
      OffsetDateTime.of(2026, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);

  private final TestDatabase db;

  private MigratedDatabase(TestDatabase db) {
    this.db = db;
  }

  /** A fresh database of that kind, migrated, with a model of each of the names. */
  public static MigratedDatabase create(TestDatabase.Kind kind, String... models)
      throws SQLException {
    MigratedDatabase migrated = new MigratedDatabase(TestDatabase.create(kind));
    new SchemaMigrator(migrated.dataSource()).migrate();
    for (String model : models) {
      migrated.model(model);
    }
    return migrated;
  }

  public DataSource dataSource() {
    return db.dataSource();
  }

  /** Registers a model (a row in {@code ml_model}) for rows of other tables to point at. */
  public void model(String name) throws SQLException {
    try (Connection c = dataSource().getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO ml_model (name, description, owner, created_at, updated_at)"
                    + " VALUES (?, '', '', ?, ?)")) {
      insert.setString(1, name);
      insert.setObject(2, REGISTERED);
      insert.setObject(3, REGISTERED);
      insert.executeUpdate();
    }
  }

  /** The number a {@code SELECT COUNT(*)} gives. */
  public long count(String sql) throws SQLException {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  public void execute(String sql) throws SQLException {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Override
  public void close() {
    db.close();
  }
}
