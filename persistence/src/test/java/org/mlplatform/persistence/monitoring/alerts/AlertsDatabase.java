package org.mlplatform.persistence.monitoring.alerts;

import java.sql.SQLException;
import org.mlplatform.persistence.MigratedDatabase;
import org.mlplatform.persistence.TestDatabase;

/** The throw-away database of the alert ITs: migrated, with two models, fraud and churn. */
final class AlertsDatabase {

  static final String FRAUD = "fraud";
  static final String CHURN = "churn";

  private AlertsDatabase() {}

  static MigratedDatabase create(TestDatabase.Kind kind) throws SQLException {
    return MigratedDatabase.create(kind, FRAUD, CHURN);
  }
}
