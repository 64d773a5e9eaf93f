package org.mlplatform.persistence.monitoring.policy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.sql.DataSource;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.monitoring.DriftMethod;
import org.mlplatform.domain.monitoring.policy.FeatureDriftOverride;
import org.mlplatform.domain.monitoring.policy.MonitoringPolicy;
import org.mlplatform.domain.monitoring.policy.MonitoringPolicyRepository;
import org.mlplatform.domain.monitoring.policy.MonitoringPolicyStoreException;
import org.mlplatform.persistence.jdbc.CallerTransactions;
import org.mlplatform.persistence.jdbc.DatabaseProduct;
import org.mlplatform.persistence.jdbc.JdbcValues;

/**
 * Monitoring policies in {@code monitoring_policy} (one row per model) and {@code
 * monitoring_feature_override} (one row per feature override), on H2 or PostgreSQL, through plain
 * JDBC on the platform's DataSource. Thread-safe.
 *
 * <p>Transactions: a connection that is not in auto-commit mode belongs to a transaction someone
 * else runs, and the repository works inside it without committing or rolling back. That is the
 * case in the container inside a JTA transaction, where the data source enlists the connection (the
 * same one Hibernate uses), so a policy commits with its audit record. On an auto-commit connection
 * (no surrounding transaction) {@link #save} runs its statements in a local transaction of its own;
 * {@link #find}, {@link #all} and {@link #delete} are one statement each, so a read never sees half
 * a save.
 *
 * <p>Saving replaces the policy row (an upsert: {@code ON CONFLICT} on PostgreSQL, {@code MERGE} on
 * H2) and then its overrides, whole. On PostgreSQL the upsert locks the row, so two saves of one
 * model follow one another and the later one's overrides win whole; on H2 two concurrent first
 * saves of one model may fail one of them (H2 is for single-node development). Durations are kept
 * in whole seconds, methods by {@link DriftMethod} name, the time to the microsecond. A stored row
 * the domain rejects (written around the repository) is reported as a {@link
 * MonitoringPolicyStoreException}, never as the caller's fault.
 */
public final class JdbcMonitoringPolicyRepository implements MonitoringPolicyRepository {

  private static final String COLUMNS =
      "model, drift_share, window_seconds, window_predictions, evaluate_every_seconds, updated_by,"
          + " updated_at";

  // One statement, so that a read outside a transaction sees one save or another, never a mix.
  private static final String SELECT =
      "SELECT p.model, p.drift_share, p.window_seconds, p.window_predictions,"
          + " p.evaluate_every_seconds, p.updated_by, p.updated_at, o.feature, o.categorical,"
          + " o.method, o.threshold FROM monitoring_policy p"
          + " LEFT JOIN monitoring_feature_override o ON o.model = p.model";

  private static final String SELECT_ONE = SELECT + " WHERE p.model = ? ORDER BY o.feature";

  private static final String SELECT_ALL = SELECT + " ORDER BY p.model, o.feature";

  private static final String PG_UPSERT =
      "INSERT INTO monitoring_policy ("
          + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (model) DO UPDATE SET"
          + " drift_share = EXCLUDED.drift_share,"
          + " window_seconds = EXCLUDED.window_seconds,"
          + " window_predictions = EXCLUDED.window_predictions,"
          + " evaluate_every_seconds = EXCLUDED.evaluate_every_seconds,"
          + " updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at";

  private static final String H2_MERGE =
      "MERGE INTO monitoring_policy p USING (SELECT CAST(? AS VARCHAR(63)) AS model,"
          + " CAST(? AS DOUBLE PRECISION) AS drift_share,"
          + " CAST(? AS BIGINT) AS window_seconds,"
          + " CAST(? AS INTEGER) AS window_predictions,"
          + " CAST(? AS BIGINT) AS evaluate_every_seconds,"
          + " CAST(? AS VARCHAR(200)) AS updated_by,"
          + " CAST(? AS TIMESTAMP WITH TIME ZONE) AS updated_at) s"
          + " ON (p.model = s.model)"
          + " WHEN MATCHED THEN UPDATE SET drift_share = s.drift_share,"
          + " window_seconds = s.window_seconds,"
          + " window_predictions = s.window_predictions,"
          + " evaluate_every_seconds = s.evaluate_every_seconds,"
          + " updated_by = s.updated_by, updated_at = s.updated_at"
          + " WHEN NOT MATCHED THEN INSERT ("
          + COLUMNS
          + ") VALUES (s.model, s.drift_share, s.window_seconds, s.window_predictions,"
          + " s.evaluate_every_seconds, s.updated_by, s.updated_at)";

  private static final String DELETE_OVERRIDES =
      "DELETE FROM monitoring_feature_override WHERE model = ?";

  private static final String INSERT_OVERRIDE =
      "INSERT INTO monitoring_feature_override (model, feature, categorical, method, threshold)"
          + " VALUES (?, ?, ?, ?, ?)";

  // The overrides go with the row (ON DELETE CASCADE).
  private static final String DELETE = "DELETE FROM monitoring_policy WHERE model = ?";

  private final CallerTransactions<MonitoringPolicyStoreException> transactions;

  public JdbcMonitoringPolicyRepository(DataSource dataSource) {
    this.transactions = new CallerTransactions<>(dataSource, MonitoringPolicyStoreException::new);
  }

  @Override
  public Optional<MonitoringPolicy> find(ResourceName model) {
    Objects.requireNonNull(model, "model");
    return transactions.onConnection(
        "reading the monitoring policy of model " + model,
        c -> {
          try (PreparedStatement statement = c.prepareStatement(SELECT_ONE)) {
            statement.setString(1, model.value());
            try (ResultSet rows = statement.executeQuery()) {
              List<MonitoringPolicy> policies = read(rows);
              return policies.isEmpty() ? Optional.empty() : Optional.of(policies.getFirst());
            }
          }
        });
  }

  @Override
  public List<MonitoringPolicy> all() {
    return transactions.onConnection(
        "reading the monitoring policies",
        c -> {
          try (PreparedStatement statement = c.prepareStatement(SELECT_ALL);
              ResultSet rows = statement.executeQuery()) {
            return read(rows);
          }
        });
  }

  @Override
  public void save(MonitoringPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    transactions.inTransaction(
        "saving the monitoring policy of model " + policy.model(),
        c -> {
          write(c, policy);
          return null;
        });
  }

  @Override
  public void delete(ResourceName model) {
    Objects.requireNonNull(model, "model");
    transactions.update("deleting the monitoring policy of model " + model, DELETE, model.value());
  }

  /**
   * The policies in rows ordered by model, each policy's rows one per override (or one without).
   */
  private static List<MonitoringPolicy> read(ResultSet rows) throws SQLException {
    List<MonitoringPolicy> policies = new ArrayList<>();
    if (!rows.next()) {
      return policies;
    }
    boolean more = true;
    while (more) {
      String model = rows.getString(1);
      double driftShare = rows.getDouble(2);
      long windowSeconds = rows.getLong(3);
      int windowPredictions = rows.getInt(4);
      long evaluateEverySeconds = rows.getLong(5);
      String updatedBy = rows.getString(6);
      OffsetDateTime updatedAt = rows.getObject(7, OffsetDateTime.class);
      List<FeatureDriftOverride> overrides = new ArrayList<>();
      do {
        String feature = rows.getString(8);
        if (feature != null) {
          overrides.add(override(model, rows, feature));
        }
        more = rows.next();
      } while (more && rows.getString(1).equals(model));
      try {
        policies.add(
            new MonitoringPolicy(
                new ResourceName(model),
                driftShare,
                Duration.ofSeconds(windowSeconds),
                windowPredictions,
                Duration.ofSeconds(evaluateEverySeconds),
                overrides,
                updatedBy,
                updatedAt.toInstant()));
      } catch (IllegalArgumentException e) {
        throw unreadable(model, e);
      }
    }
    return policies;
  }

  private static FeatureDriftOverride override(String model, ResultSet rows, String feature)
      throws SQLException {
    boolean categorical = rows.getBoolean(9);
    String method = rows.getString(10);
    double threshold = rows.getDouble(11);
    boolean noThreshold = rows.wasNull();
    try {
      return new FeatureDriftOverride(
          feature,
          categorical,
          Optional.ofNullable(method).map(DriftMethod::valueOf),
          noThreshold ? OptionalDouble.empty() : OptionalDouble.of(threshold));
    } catch (IllegalArgumentException e) {
      throw unreadable(model, e);
    }
  }

  private static MonitoringPolicyStoreException unreadable(String model, Exception e) {
    return new MonitoringPolicyStoreException(
        "the stored monitoring policy of model " + model + " is not valid: " + e.getMessage(), e);
  }

  /** The upsert of the connected database. */
  private static String upsertFor(Connection connection) throws SQLException {
    return DatabaseProduct.choose(
        connection,
        H2_MERGE,
        PG_UPSERT,
        product ->
            new MonitoringPolicyStoreException(
                "monitoring policies are kept on H2 or PostgreSQL, not " + product, null));
  }

  private static void write(Connection connection, MonitoringPolicy policy) throws SQLException {
    String model = policy.model().value();
    try (PreparedStatement statement = connection.prepareStatement(upsertFor(connection))) {
      statement.setString(1, model);
      statement.setDouble(2, policy.driftShare());
      statement.setLong(3, policy.window().getSeconds());
      statement.setInt(4, policy.windowPredictions());
      statement.setLong(5, policy.evaluateEvery().getSeconds());
      statement.setString(6, policy.updatedBy());
      statement.setObject(7, JdbcValues.utc(policy.updatedAt()));
      statement.executeUpdate();
    }
    try (PreparedStatement statement = connection.prepareStatement(DELETE_OVERRIDES)) {
      statement.setString(1, model);
      statement.executeUpdate();
    }
    if (policy.overrides().isEmpty()) {
      return;
    }
    try (PreparedStatement statement = connection.prepareStatement(INSERT_OVERRIDE)) {
      for (FeatureDriftOverride override : policy.overrides()) {
        statement.setString(1, model);
        statement.setString(2, override.feature());
        statement.setBoolean(3, override.categorical());
        if (override.method().isPresent()) {
          statement.setString(4, override.method().get().name());
        } else {
          statement.setNull(4, Types.VARCHAR);
        }
        if (override.threshold().isPresent()) {
          statement.setDouble(5, override.threshold().getAsDouble());
        } else {
          statement.setNull(5, Types.DOUBLE);
        }
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }
}
