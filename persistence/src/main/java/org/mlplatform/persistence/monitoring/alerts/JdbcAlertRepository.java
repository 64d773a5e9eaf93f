package org.mlplatform.persistence.monitoring.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.mlplatform.domain.monitoring.alerts.Alert;
import org.mlplatform.domain.monitoring.alerts.AlertRepository;
import org.mlplatform.domain.monitoring.alerts.AlertSeverity;
import org.mlplatform.domain.monitoring.alerts.AlertStatus;
import org.mlplatform.domain.monitoring.alerts.AlertStoreException;
import org.mlplatform.domain.monitoring.alerts.AlertTransitionException;
import org.mlplatform.domain.monitoring.alerts.MonitoredMetric;
import org.mlplatform.domain.monitoring.alerts.NoSuchAlertException;
import org.mlplatform.domain.monitoring.alerts.NoSuchAlertRuleException;
import org.mlplatform.persistence.jdbc.CallerTransactions;

/**
 * Alerts in {@code alert}, on H2 or PostgreSQL, through plain JDBC on the platform's DataSource.
 * Thread-safe. Work runs in the caller's transaction when its connection has one (see {@link
 * CallerTransactions}). Enums are stored by name, times to the microsecond.
 *
 * <p>One unresolved alert per rule: {@link #openIfNone} locks the rule's row ({@code SELECT ... FOR
 * UPDATE}, on both databases), so two evaluators that see the same breach take turns, and the
 * second finds the first one's alert. Behind that, the table's unique {@code unresolved_rule_id}
 * refuses a second unresolved alert whatever the code does. Inside a caller's transaction the lock
 * is held until the caller ends it.
 *
 * <p>{@link #update} is a compare-and-set on the status, so of two people acknowledging or
 * resolving the same alert at once one succeeds and the other is told it changed meanwhile.
 */
public final class JdbcAlertRepository implements AlertRepository {

  // What an alert copied from its rule when it opened, then what changes in its life, in the
  // order UPDATE sets it.
  private static final String COLUMNS =
      "id, rule_id, model_name, feature, metric, severity, threshold, message, opened_at,"
          + " status, observed_value, last_seen_at, acknowledged_by, acknowledged_at,"
          + " resolved_by, resolved_at, retraining_process_id, unresolved_rule_id";

  private static final String LOCK_RULE = "SELECT id FROM alert_rule WHERE id = ? FOR UPDATE";

  private static final String INSERT =
      "INSERT INTO alert ("
          + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  // What an alert copied from its rule when it opened is never written again.
  private static final String UPDATE =
      "UPDATE alert SET status = ?, observed_value = ?, last_seen_at = ?, acknowledged_by = ?,"
          + " acknowledged_at = ?, resolved_by = ?, resolved_at = ?, retraining_process_id = ?,"
          + " unresolved_rule_id = ? WHERE id = ? AND status = ?";

  private static final String SELECT = "SELECT " + COLUMNS + " FROM alert";

  private static final String UNRESOLVED = "status IN ('OPEN', 'ACKNOWLEDGED')";

  private final CallerTransactions<AlertStoreException> transactions;

  public JdbcAlertRepository(DataSource dataSource) {
    this.transactions = new CallerTransactions<>(dataSource, AlertStoreException::new);
  }

  @Override
  public Optional<Alert> openIfNone(Alert alert) {
    Objects.requireNonNull(alert, "alert");
    if (!alert.status().isUnresolved()) {
      throw new IllegalArgumentException("alert " + alert.id() + " is resolved; open a new one");
    }
    return transactions.inTransaction(
        "opening an alert of rule " + alert.ruleId(),
        c -> {
          lockRule(c, alert.ruleId());
          if (unresolvedFor(c, alert.ruleId()).isPresent()) {
            return Optional.empty();
          }
          insert(c, alert);
          return Optional.of(alert);
        });
  }

  @Override
  public Optional<Alert> unresolvedFor(UUID ruleId) {
    Objects.requireNonNull(ruleId, "ruleId");
    return transactions.onConnection(
        "reading the unresolved alert of rule " + ruleId, c -> unresolvedFor(c, ruleId));
  }

  @Override
  public void update(Alert alert, AlertStatus expectedStatus) {
    Objects.requireNonNull(alert, "alert");
    Objects.requireNonNull(expectedStatus, "expectedStatus");
    transactions.onConnection(
        "updating alert " + alert.id(),
        c -> {
          try (PreparedStatement statement = c.prepareStatement(UPDATE)) {
            bindChanges(statement, 1, alert);
            statement.setObject(10, alert.id());
            statement.setString(11, expectedStatus.name());
            if (statement.executeUpdate() == 1) {
              return null;
            }
          }
          AlertStatus now =
              storedStatus(c, alert.id()).orElseThrow(() -> new NoSuchAlertException(alert.id()));
          throw new AlertTransitionException(
              "alert "
                  + alert.id()
                  + " is "
                  + now.key()
                  + " now, no longer "
                  + expectedStatus.key()
                  + ": someone changed it meanwhile; reload it and try again");
        });
  }

  @Override
  public Optional<Alert> find(UUID id) {
    Objects.requireNonNull(id, "id");
    return transactions.onConnection(
        "reading alert " + id, c -> first(query(c, SELECT + " WHERE id = ?", List.of(id))));
  }

  @Override
  public List<Alert> list(Optional<String> model, Optional<AlertStatus> status, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit is " + limit + "; give 1 or more");
    }
    List<String> conditions = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    model.ifPresent(
        name -> {
          conditions.add("model_name = ?");
          parameters.add(name);
        });
    status.ifPresent(
        wanted -> {
          conditions.add("status = ?");
          parameters.add(wanted.name());
        });
    parameters.add(limit);
    String sql = SELECT + where(conditions) + " ORDER BY opened_at DESC, id DESC LIMIT ?";
    return transactions.onConnection("listing alerts", c -> query(c, sql, parameters));
  }

  @Override
  public long countUnresolved(Optional<String> model) {
    String sql =
        "SELECT COUNT(*) FROM alert WHERE "
            + UNRESOLVED
            + (model.isPresent() ? " AND model_name = ?" : "");
    return transactions.onConnection(
        "counting unresolved alerts",
        c -> {
          try (PreparedStatement statement = c.prepareStatement(sql)) {
            if (model.isPresent()) {
              statement.setString(1, model.get());
            }
            try (ResultSet rows = statement.executeQuery()) {
              rows.next();
              return rows.getLong(1);
            }
          }
        });
  }

  /** Waits for, then holds, the rule's row until the transaction ends. */
  private static void lockRule(Connection connection, UUID ruleId) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(LOCK_RULE)) {
      statement.setObject(1, ruleId);
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          throw new NoSuchAlertRuleException(ruleId);
        }
      }
    }
  }

  private static Optional<Alert> unresolvedFor(Connection connection, UUID ruleId)
      throws SQLException {
    return first(query(connection, SELECT + " WHERE unresolved_rule_id = ?", List.of(ruleId)));
  }

  private static void insert(Connection connection, Alert alert) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
      statement.setObject(1, alert.id());
      statement.setObject(2, alert.ruleId());
      statement.setString(3, alert.model());
      Columns.setText(statement, 4, alert.feature());
      statement.setString(5, alert.metric().name());
      statement.setString(6, alert.severity().name());
      statement.setDouble(7, alert.threshold());
      statement.setString(8, alert.message());
      Columns.setInstant(statement, 9, alert.openedAt());
      bindChanges(statement, 10, alert);
      statement.executeUpdate();
    }
  }

  /**
   * What changes in an alert's life, as nine parameters from {@code first} on. The unresolved
   * marker is the rule's id until the alert is resolved (see the V10 migration).
   */
  private static void bindChanges(PreparedStatement statement, int first, Alert alert)
      throws SQLException {
    statement.setString(first, alert.status().name());
    statement.setDouble(first + 1, alert.value());
    Columns.setInstant(statement, first + 2, alert.lastSeenAt());
    Columns.setText(statement, first + 3, alert.acknowledgedBy());
    Columns.setInstant(statement, first + 4, alert.acknowledgedAt());
    Columns.setText(statement, first + 5, alert.resolvedBy());
    Columns.setInstant(statement, first + 6, alert.resolvedAt());
    Columns.setText(statement, first + 7, alert.retrainingProcessId());
    statement.setObject(first + 8, alert.status().isUnresolved() ? alert.ruleId() : null);
  }

  private static Optional<AlertStatus> storedStatus(Connection connection, UUID id)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT status FROM alert WHERE id = ?")) {
      statement.setObject(1, id);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.of(AlertStatus.valueOf(rows.getString(1))) : Optional.empty();
      }
    }
  }

  private static String where(List<String> conditions) {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  private static List<Alert> query(Connection connection, String sql, List<Object> parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      List<Alert> alerts = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          alerts.add(alert(rows));
        }
      }
      return alerts;
    }
  }

  private static Optional<Alert> first(List<Alert> alerts) {
    return alerts.stream().findFirst();
  }

  private static Alert alert(ResultSet row) throws SQLException {
    return new Alert(
        Columns.uuid(row, "id"),
        Columns.uuid(row, "rule_id"),
        row.getString("model_name"),
        Columns.optionalText(row, "feature"),
        MonitoredMetric.valueOf(row.getString("metric")),
        AlertSeverity.valueOf(row.getString("severity")),
        AlertStatus.valueOf(row.getString("status")),
        row.getDouble("observed_value"),
        row.getDouble("threshold"),
        row.getString("message"),
        Columns.instant(row, "opened_at"),
        Columns.instant(row, "last_seen_at"),
        Columns.optionalText(row, "acknowledged_by"),
        Columns.optionalInstant(row, "acknowledged_at"),
        Columns.optionalText(row, "resolved_by"),
        Columns.optionalInstant(row, "resolved_at"),
        Columns.optionalText(row, "retraining_process_id"));
  }
}
