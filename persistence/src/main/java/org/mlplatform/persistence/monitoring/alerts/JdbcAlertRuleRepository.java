package org.mlplatform.persistence.monitoring.alerts;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.monitoring.alerts.AlertRule;
import org.mlplatform.domain.monitoring.alerts.AlertRuleRepository;
import org.mlplatform.domain.monitoring.alerts.AlertSeverity;
import org.mlplatform.domain.monitoring.alerts.AlertStoreException;
import org.mlplatform.domain.monitoring.alerts.Comparison;
import org.mlplatform.domain.monitoring.alerts.MonitoredMetric;
import org.mlplatform.domain.monitoring.alerts.NoSuchAlertRuleException;
import org.mlplatform.persistence.jdbc.CallerTransactions;
import org.mlplatform.persistence.jdbc.DatabaseProduct;

/**
 * Alert rules in {@code alert_rule}, on H2 or PostgreSQL, through plain JDBC on the platform's
 * DataSource. Thread-safe. Every method is one statement, run in the caller's transaction when its
 * connection has one (see {@link CallerTransactions}). Enums are stored by name, times to the
 * microsecond.
 */
public final class JdbcAlertRuleRepository implements AlertRuleRepository {

  private static final String COLUMNS =
      "id, model_name, feature, metric, comparison, threshold, severity, starts_retraining,"
          + " enabled, created_by, created_at";

  private static final String INSERT =
      "INSERT INTO alert_rule (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  // Every column but the id, in the order of INSERT's parameters 2 to 11; the id comes last.
  private static final String UPDATE =
      "UPDATE alert_rule SET model_name = ?, feature = ?, metric = ?, comparison = ?,"
          + " threshold = ?, severity = ?, starts_retraining = ?, enabled = ?, created_by = ?,"
          + " created_at = ? WHERE id = ?";

  // Its alerts go with it (ON DELETE CASCADE).
  private static final String DELETE = "DELETE FROM alert_rule WHERE id = ?";

  private static final String SELECT = "SELECT " + COLUMNS + " FROM alert_rule";

  private static final String ORDER = " ORDER BY model_name, created_at, id";

  private final CallerTransactions<AlertStoreException> transactions;

  public JdbcAlertRuleRepository(DataSource dataSource) {
    this.transactions = new CallerTransactions<>(dataSource, AlertStoreException::new);
  }

  @Override
  public void create(AlertRule rule) {
    Objects.requireNonNull(rule, "rule");
    transactions.onConnection(
        "creating alert rule " + rule.id(),
        c -> {
          try (PreparedStatement statement = c.prepareStatement(INSERT)) {
            statement.setObject(1, rule.id());
            bindFields(statement, 2, rule);
            executeForModel(statement, rule);
          }
          return null;
        });
  }

  @Override
  public void update(AlertRule rule) {
    Objects.requireNonNull(rule, "rule");
    int updated =
        transactions.onConnection(
            "updating alert rule " + rule.id(),
            c -> {
              try (PreparedStatement statement = c.prepareStatement(UPDATE)) {
                bindFields(statement, 1, rule);
                statement.setObject(11, rule.id());
                return executeForModel(statement, rule);
              }
            });
    if (updated == 0) {
      throw new NoSuchAlertRuleException(rule.id());
    }
  }

  @Override
  public boolean delete(UUID id) {
    Objects.requireNonNull(id, "id");
    return transactions.update("deleting alert rule " + id, DELETE, id) > 0;
  }

  @Override
  public Optional<AlertRule> find(UUID id) {
    Objects.requireNonNull(id, "id");
    List<AlertRule> found = query("reading alert rule " + id, SELECT + " WHERE id = ?", id);
    return found.stream().findFirst();
  }

  @Override
  public List<AlertRule> list(Optional<String> model) {
    return model
        .map(
            name ->
                query(
                    "listing the alert rules of model " + name,
                    SELECT + " WHERE model_name = ?" + ORDER,
                    name))
        .orElseGet(() -> query("listing alert rules", SELECT + ORDER));
  }

  @Override
  public List<AlertRule> listEnabled() {
    return query("listing enabled alert rules", SELECT + " WHERE enabled = TRUE" + ORDER);
  }

  /** Binds every field but the id to ten parameters from {@code first} on. */
  private static void bindFields(PreparedStatement statement, int first, AlertRule rule)
      throws SQLException {
    statement.setString(first, rule.model());
    Columns.setText(statement, first + 1, rule.feature());
    statement.setString(first + 2, rule.metric().name());
    statement.setString(first + 3, rule.comparison().name());
    statement.setDouble(first + 4, rule.threshold());
    statement.setString(first + 5, rule.severity().name());
    statement.setBoolean(first + 6, rule.startsRetraining());
    statement.setBoolean(first + 7, rule.enabled());
    statement.setString(first + 8, rule.createdBy());
    Columns.setInstant(statement, first + 9, rule.createdAt());
  }

  /** Runs the insert or update, blaming the model when no model has the rule's model name. */
  private static int executeForModel(PreparedStatement statement, AlertRule rule)
      throws SQLException {
    try {
      return statement.executeUpdate();
    } catch (SQLException e) {
      if (DatabaseProduct.isMissingParent(e)) {
        throw new DomainValidationException("model", "there is no model " + rule.model());
      }
      throw e;
    }
  }

  private List<AlertRule> query(String what, String sql, Object... parameters) {
    return transactions.onConnection(
        what,
        c -> {
          try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
              statement.setObject(i + 1, parameters[i]);
            }
            return rules(statement);
          }
        });
  }

  private static List<AlertRule> rules(PreparedStatement statement) throws SQLException {
    List<AlertRule> rules = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        rules.add(rule(rows));
      }
    }
    return rules;
  }

  private static AlertRule rule(ResultSet row) throws SQLException {
    return new AlertRule(
        Columns.uuid(row, "id"),
        row.getString("model_name"),
        Columns.optionalText(row, "feature"),
        MonitoredMetric.valueOf(row.getString("metric")),
        Comparison.valueOf(row.getString("comparison")),
        row.getDouble("threshold"),
        AlertSeverity.valueOf(row.getString("severity")),
        row.getBoolean("starts_retraining"),
        row.getBoolean("enabled"),
        row.getString("created_by"),
        Columns.instant(row, "created_at"));
  }
}
