package org.mlplatform.persistence.models.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.policy.ModelPolicy;
import org.mlplatform.domain.models.policy.ModelPolicyRepository;
import org.mlplatform.domain.models.policy.ModelPolicyStoreException;
import org.mlplatform.persistence.CallersTransaction;
import org.mlplatform.persistence.MigratedDatabase;
import org.mlplatform.persistence.TestDatabase;

/**
 * Model policies on the migrated schema, H2 and PostgreSQL: a round trip keeps every field, a save
 * replaces the overrides whole or not at all, a policy goes with its model, and the repository
 * works inside a transaction its caller runs without ending it.
 */
class JdbcModelPolicyRepositoryIT {

  private static final ResourceName FRAUD = new ResourceName("fraud_model");
  private static final ResourceName CHURN = new ResourceName("churn");
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123456Z");

  private MigratedDatabase db;

  private ModelPolicyRepository open(TestDatabase.Kind kind) throws SQLException {
    db = MigratedDatabase.create(kind, FRAUD.value(), CHURN.value());
    return new JdbcModelPolicyRepository(db.dataSource());
  }

  @AfterEach
  void dropDatabase() {
    if (db != null) {
      db.close();
    }
  }

  private static ModelPolicy full(ResourceName model) {
    return new ModelPolicy(
        model,
        0.025,
        0.0125,
        Optional.of(Duration.ofDays(7).plusHours(6)),
        Map.of("rmse", 0.5, "accuracy", 0.0, "val accuracy (held-out)", 1_000_000.0),
        "alice",
        NOW);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void savesFindsReplacesAndDeletes(TestDatabase.Kind kind) throws Exception {
    ModelPolicyRepository policies = open(kind);
    ModelPolicy full = full(FRAUD);
    ModelPolicy plain = ModelPolicy.defaults(CHURN);

    assertThat(policies.find(FRAUD)).isEmpty();
    policies.save(full);
    policies.save(plain);

    assertThat(policies.find(FRAUD)).contains(full);
    assertThat(policies.find(CHURN)).contains(plain);
    assertThat(policies.find(new ResourceName("other"))).isEmpty();

    ModelPolicy changed =
        new ModelPolicy(
            FRAUD, 0.5, 0, Optional.empty(), Map.of("f1_macro", 0.02), "bob", NOW.plusSeconds(60));
    policies.save(changed);
    assertThat(policies.find(FRAUD)).contains(changed);
    assertThat(overrideRows(FRAUD)).isEqualTo(1);

    policies.delete(FRAUD);
    policies.delete(FRAUD); // twice: harmless
    assertThat(policies.find(FRAUD)).isEmpty();
    assertThat(overrideRows(FRAUD)).isZero();
    assertThat(policies.find(CHURN)).contains(plain);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aPolicyGoesWithItsModel(TestDatabase.Kind kind) throws Exception {
    ModelPolicyRepository policies = open(kind);
    policies.save(full(CHURN));

    db.execute("DELETE FROM ml_model WHERE name = 'churn'");

    assertThat(policies.find(CHURN)).isEmpty();
    assertThat(overrideRows(CHURN)).isZero();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aPolicyNeedsItsModel(TestDatabase.Kind kind) throws Exception {
    ModelPolicyRepository policies = open(kind);

    assertThatThrownBy(() -> policies.save(full(new ResourceName("nope"))))
        .isInstanceOf(ModelPolicyStoreException.class)
        .hasMessageContaining("saving the policy of model nope failed");

    assertThat(db.count("SELECT COUNT(*) FROM ml_model_policy")).isZero();
    assertThat(db.count("SELECT COUNT(*) FROM ml_model_policy_tolerance")).isZero();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aSaveThatFailsPartWayLeavesTheEarlierPolicyWhole(TestDatabase.Kind kind) throws Exception {
    ModelPolicyRepository policies = open(kind);
    ModelPolicy earlier = full(FRAUD);
    policies.save(earlier);
    db.execute(
        "ALTER TABLE ml_model_policy_tolerance ADD CONSTRAINT test_refuse CHECK (metric <> 'bad')");

    ModelPolicy refused =
        new ModelPolicy(
            FRAUD, 0.3, 0, Optional.empty(), Map.of("auc", 0.1, "bad", 0.1), "bob", NOW);
    assertThatThrownBy(() -> policies.save(refused)).isInstanceOf(ModelPolicyStoreException.class);

    assertThat(policies.find(FRAUD)).contains(earlier);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void theSchemaKeepsValuesInRange(TestDatabase.Kind kind) throws Exception {
    open(kind);
    String insert =
        "INSERT INTO ml_model_policy (model_name, metric_tolerance, retraining_margin,"
            + " retraining_every_seconds, updated_by, updated_at) VALUES ('fraud_model', %s, %s,"
            + " %s, 'alice', TIMESTAMP WITH TIME ZONE '2026-03-01 12:00:00+00')";

    assertThatThrownBy(() -> db.execute(insert.formatted("-1", "0", "NULL")))
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> db.execute(insert.formatted("1000001", "0", "NULL")))
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> db.execute(insert.formatted("0.01", "-0.5", "NULL")))
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> db.execute(insert.formatted("0.01", "0", "59")))
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> db.execute(insert.formatted("0.01", "0", "31622401")))
        .isInstanceOf(SQLException.class);
    db.execute(insert.formatted("0.01", "0", "3600"));
    assertThatThrownBy(
            () ->
                db.execute(
                    "INSERT INTO ml_model_policy_tolerance (model_name, metric, tolerance)"
                        + " VALUES ('fraud_model', 'auc', -0.1)"))
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(
            () ->
                db.execute(
                    "INSERT INTO ml_model_policy_tolerance (model_name, metric, tolerance)"
                        + " VALUES ('churn', 'auc', 0.1)"))
        .isInstanceOf(SQLException.class);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void worksInsideTheCallersTransactionWithoutEndingIt(TestDatabase.Kind kind) throws Exception {
    open(kind);
    CallersTransaction.assertJoins(
        db.dataSource(),
        JdbcModelPolicyRepository::new,
        policies -> policies.save(full(FRAUD)),
        policies -> policies.find(FRAUD),
        full(FRAUD));
  }

  private long overrideRows(ResourceName model) throws SQLException {
    return db.count(
        "SELECT COUNT(*) FROM ml_model_policy_tolerance WHERE model_name = '"
            + model.value()
            + "'");
  }
}
