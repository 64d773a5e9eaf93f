package org.mlplatform.persistence.models.policy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.policy.ModelPolicy;
import org.mlplatform.domain.models.policy.ModelPolicyRepository;
import org.mlplatform.domain.models.policy.ModelPolicyStoreException;
import org.mlplatform.persistence.jdbc.CallerTransactions;
import org.mlplatform.persistence.jdbc.DatabaseProduct;
import org.mlplatform.persistence.jdbc.JdbcValues;

/**
 * Model policies in {@code ml_model_policy} (one row per model) and {@code
 * ml_model_policy_tolerance} (one row per metric override), on H2 or PostgreSQL, through plain JDBC
 * on the platform's DataSource. Thread-safe.
 *
 * <p>Transactions: a connection that is not in auto-commit mode belongs to a transaction someone
 * else runs, and the repository works inside it without committing or rolling back. That is the
 * case in the container inside a JTA transaction, where the data source enlists the connection (the
 * same one Hibernate uses), so {@code ModelPolicies} commits a policy with its audit record. On an
 * auto-commit connection (no surrounding transaction) {@link #save} runs its statements in a local
 * transaction of its own; {@link #find} and {@link #delete} are one statement each, so a read never
 * sees half a save.
 *
 * <p>Saving replaces the policy row (an upsert: {@code ON CONFLICT} on PostgreSQL, {@code MERGE} on
 * H2) and then its overrides. On PostgreSQL the upsert locks the row, so two saves of one model
 * follow one another and the later one's overrides win whole; on H2 two concurrent first saves of
 * one model may fail one of them (H2 is for single-node development, and {@code ModelPolicies}
 * serialises saves on the model's row anyway). The time is kept to the microsecond.
 */
public final class JdbcModelPolicyRepository implements ModelPolicyRepository {

  private static final String COLUMNS =
      "model_name, metric_tolerance, retraining_margin, retraining_every_seconds, updated_by,"
          + " updated_at";

  // One statement, so that a read outside a transaction sees one save or another, never a mix.
  private static final String SELECT =
      "SELECT p.metric_tolerance, p.retraining_margin, p.retraining_every_seconds, p.updated_by,"
          + " p.updated_at, t.metric, t.tolerance FROM ml_model_policy p"
          + " LEFT JOIN ml_model_policy_tolerance t ON t.model_name = p.model_name"
          + " WHERE p.model_name = ? ORDER BY t.metric";

  private static final String PG_UPSERT =
      "INSERT INTO ml_model_policy ("
          + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (model_name) DO UPDATE SET"
          + " metric_tolerance = EXCLUDED.metric_tolerance,"
          + " retraining_margin = EXCLUDED.retraining_margin,"
          + " retraining_every_seconds = EXCLUDED.retraining_every_seconds,"
          + " updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at";

  private static final String H2_MERGE =
      "MERGE INTO ml_model_policy p USING (SELECT CAST(? AS VARCHAR(63)) AS model_name,"
          + " CAST(? AS DOUBLE PRECISION) AS metric_tolerance,"
          + " CAST(? AS DOUBLE PRECISION) AS retraining_margin,"
          + " CAST(? AS BIGINT) AS retraining_every_seconds,"
          + " CAST(? AS VARCHAR(200)) AS updated_by,"
          + " CAST(? AS TIMESTAMP WITH TIME ZONE) AS updated_at) s"
          + " ON (p.model_name = s.model_name)"
          + " WHEN MATCHED THEN UPDATE SET metric_tolerance = s.metric_tolerance,"
          + " retraining_margin = s.retraining_margin,"
          + " retraining_every_seconds = s.retraining_every_seconds,"
          + " updated_by = s.updated_by, updated_at = s.updated_at"
          + " WHEN NOT MATCHED THEN INSERT ("
          + COLUMNS
          + ") VALUES (s.model_name, s.metric_tolerance, s.retraining_margin,"
          + " s.retraining_every_seconds, s.updated_by, s.updated_at)";

  private static final String DELETE_TOLERANCES =
      "DELETE FROM ml_model_policy_tolerance WHERE model_name = ?";

  private static final String INSERT_TOLERANCE =
      "INSERT INTO ml_model_policy_tolerance (model_name, metric, tolerance) VALUES (?, ?, ?)";

  // The overrides go with the row (ON DELETE CASCADE).
  private static final String DELETE = "DELETE FROM ml_model_policy WHERE model_name = ?";

  private final CallerTransactions<ModelPolicyStoreException> transactions;

  public JdbcModelPolicyRepository(DataSource dataSource) {
    this.transactions = new CallerTransactions<>(dataSource, ModelPolicyStoreException::new);
  }

  @Override
  public Optional<ModelPolicy> find(ResourceName model) {
    Objects.requireNonNull(model, "model");
    return transactions.onConnection("reading the policy of model " + model, c -> read(c, model));
  }

  @Override
  public void save(ModelPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    transactions.inTransaction(
        "saving the policy of model " + policy.model(),
        c -> {
          write(c, policy);
          return null;
        });
  }

  @Override
  public void delete(ResourceName model) {
    Objects.requireNonNull(model, "model");
    transactions.update("deleting the policy of model " + model, DELETE, model.value());
  }

  private static Optional<ModelPolicy> read(Connection connection, ResourceName model)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(SELECT)) {
      statement.setString(1, model.value());
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        double tolerance = rows.getDouble(1);
        double margin = rows.getDouble(2);
        long seconds = rows.getLong(3);
        Optional<Duration> every =
            rows.wasNull() ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        String updatedBy = rows.getString(4);
        OffsetDateTime updatedAt = rows.getObject(5, OffsetDateTime.class);
        Map<String, Double> overrides = new TreeMap<>();
        do {
          String metric = rows.getString(6);
          if (metric != null) {
            overrides.put(metric, rows.getDouble(7));
          }
        } while (rows.next());
        return Optional.of(
            new ModelPolicy(
                model, tolerance, margin, every, overrides, updatedBy, updatedAt.toInstant()));
      }
    }
  }

  /** The upsert of the connected database. */
  private static String upsertFor(Connection connection) throws SQLException {
    return DatabaseProduct.choose(
        connection,
        H2_MERGE,
        PG_UPSERT,
        product ->
            new ModelPolicyStoreException(
                "model policies are kept on H2 or PostgreSQL, not " + product, null));
  }

  private static void write(Connection connection, ModelPolicy policy) throws SQLException {
    String model = policy.model().value();
    try (PreparedStatement statement = connection.prepareStatement(upsertFor(connection))) {
      statement.setString(1, model);
      statement.setDouble(2, policy.metricTolerance());
      statement.setDouble(3, policy.retrainingMargin());
      if (policy.retrainingEvery().isPresent()) {
        statement.setLong(4, policy.retrainingEvery().get().getSeconds());
      } else {
        statement.setNull(4, Types.BIGINT);
      }
      statement.setString(5, policy.updatedBy());
      statement.setObject(6, JdbcValues.utc(policy.updatedAt()));
      statement.executeUpdate();
    }
    try (PreparedStatement statement = connection.prepareStatement(DELETE_TOLERANCES)) {
      statement.setString(1, model);
      statement.executeUpdate();
    }
    if (policy.metricTolerances().isEmpty()) {
      return;
    }
    try (PreparedStatement statement = connection.prepareStatement(INSERT_TOLERANCE)) {
      for (Map.Entry<String, Double> override : policy.metricTolerances().entrySet()) {
        statement.setString(1, model);
        statement.setString(2, override.getKey());
        statement.setDouble(3, override.getValue());
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }
}
