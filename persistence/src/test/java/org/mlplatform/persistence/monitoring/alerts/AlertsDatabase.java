package org.mlplatform.persistence.monitoring.alerts;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.mlplatform.persistence.TestDatabase;
import org.mlplatform.persistence.migration.SchemaMigrator;

/** A migrated throw-away database with two models, fraud and churn, for the alert ITs. */
final class AlertsDatabase implements AutoCloseable {

  static final String FRAUD = "fraud";
  static final String CHURN = "churn";

  private final TestDatabase db;

  private AlertsDatabase(TestDatabase db) {
    this.db = db;
  }

  static AlertsDatabase create(TestDatabase.Kind kind) throws SQLException {
    AlertsDatabase alerts = new AlertsDatabase(TestDatabase.create(kind));
    new SchemaMigrator(alerts.dataSource()).migrate();
    alerts.model(FRAUD);
    alerts.model(CHURN);
    return alerts;
  }

  DataSource dataSource() {
    return db.dataSource();
  }

  long count(String sql) throws SQLException {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  void execute(String sql) throws SQLException {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Override
  public void close() {
    db.close();
  }

  private void model(String name) throws SQLException {
    OffsetDateTime t0 = OffsetDateTime.of(2026, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    try (Connection c = dataSource().getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO ml_model (name, description, owner, created_at, updated_at)"
                    + " VALUES (?, '', '', ?, ?)")) {
      insert.setString(1, name);
      insert.setObject(2, t0);
      insert.setObject(3, t0);
      insert.executeUpdate();
    }
  }

  /**
   * A data source that hands out {@code connection} every time and never closes it: a repository on
   * it works inside the transaction the test runs on that connection.
   */
  static DataSource oneConnection(Connection connection) {
    Connection unclosable =
        (Connection)
            Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("close")) {
                    return null;
                  }
                  try {
                    return method.invoke(connection, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getConnection")) {
                return unclosable;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
