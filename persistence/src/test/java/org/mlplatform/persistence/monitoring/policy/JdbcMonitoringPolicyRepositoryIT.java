package org.mlplatform.persistence.monitoring.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.monitoring.DriftMethod;
import org.mlplatform.domain.monitoring.policy.FeatureDriftOverride;
import org.mlplatform.domain.monitoring.policy.MonitoringPolicy;
import org.mlplatform.domain.monitoring.policy.MonitoringPolicyRepository;
import org.mlplatform.domain.monitoring.policy.MonitoringPolicyStoreException;
import org.mlplatform.persistence.CallersTransaction;
import org.mlplatform.persistence.MigratedDatabase;
import org.mlplatform.persistence.TestDatabase;

/**
 * Monitoring policies on the migrated schema, H2 and PostgreSQL: a round trip keeps every field, a
 * save replaces the overrides whole or not at all, a policy goes with its model, {@code all} lists
 * every saved policy by model, and the repository works inside a transaction its caller runs
 * without ending it.
 */
class JdbcMonitoringPolicyRepositoryIT {

  private static final ResourceName FRAUD = new ResourceName("fraud_model");
  private static final ResourceName CHURN = new ResourceName("churn");
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123456Z");

  private MigratedDatabase db;

  private MonitoringPolicyRepository open(TestDatabase.Kind kind) throws SQLException {
    db = MigratedDatabase.create(kind, FRAUD.value(), CHURN.value());
    return new JdbcMonitoringPolicyRepository(db.dataSource());
  }

  @AfterEach
  void dropDatabase() {
    if (db != null) {
      db.close();
    }
  }

  private static FeatureDriftOverride override(
      String feature, boolean categorical, DriftMethod method, Double threshold) {
    return new FeatureDriftOverride(
        feature,
        categorical,
        Optional.ofNullable(method),
        threshold == null ? OptionalDouble.empty() : OptionalDouble.of(threshold));
  }

  /** Every field set, overrides with and without method and threshold. */
  private static MonitoringPolicy full(ResourceName model) {
    return new MonitoringPolicy(
        model,
        0.375,
        Duration.ofDays(7).plusHours(6).plusSeconds(1),
        250_000,
        Duration.ofSeconds(90),
        List.of(
            override("amount", false, DriftMethod.WASSERSTEIN, 2.5),
            override("country", true, null, null),
            override("age", false, DriftMethod.KOLMOGOROV_SMIRNOV, null),
            override("device type (raw)", true, null, 0.0),
            override("zip", true, DriftMethod.PSI, 0.25)),
        "alice",
        NOW);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void roundTripKeepsEveryField(TestDatabase.Kind kind) throws Exception {
    MonitoringPolicyRepository policies = open(kind);
    MonitoringPolicy full = full(FRAUD);
    MonitoringPolicy defaults = MonitoringPolicy.defaults(CHURN);

    assertThat(policies.find(FRAUD)).isEmpty();
    policies.save(full);
    policies.save(defaults);

    assertThat(policies.find(FRAUD)).contains(full);
    assertThat(policies.find(CHURN)).contains(defaults);
    assertThat(policies.find(new ResourceName("other"))).isEmpty();
    MonitoringPolicy found = policies.find(FRAUD).orElseThrow();
    assertThat(found.overrides()).hasSize(5);
    assertThat(found.optionsFor("age").method()).contains(DriftMethod.KOLMOGOROV_SMIRNOV);
    assertThat(found.optionsFor("age").threshold()).isEmpty();
    assertThat(found.optionsFor("country").method()).isEmpty();
    assertThat(found.optionsFor("country").declaredCategorical()).isTrue();
    assertThat(found.optionsFor("device type (raw)").threshold()).hasValue(0.0);
    assertThat(found.updatedAt()).isEqualTo(NOW);
    assertThat(overrideRows(FRAUD)).isEqualTo(5);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void theLimitsOfEveryFieldSurviveTheRoundTrip(TestDatabase.Kind kind) throws Exception {
    MonitoringPolicyRepository policies = open(kind);
    MonitoringPolicy low =
        new MonitoringPolicy(
            FRAUD,
            0.001,
            MonitoringPolicy.WINDOW_MIN,
            MonitoringPolicy.WINDOW_PREDICTIONS_MIN,
            MonitoringPolicy.EVALUATE_EVERY_MIN,
            List.of(override("f".repeat(200), false, DriftMethod.Z_TEST, 1.0)),
            "b",
            Instant.EPOCH);
    MonitoringPolicy high =
        new MonitoringPolicy(
            CHURN,
            1,
            MonitoringPolicy.WINDOW_MAX,
            MonitoringPolicy.WINDOW_PREDICTIONS_MAX,
            MonitoringPolicy.EVALUATE_EVERY_MAX,
            List.of(),
            "x".repeat(200),
            Instant.parse("9999-12-31T23:59:59.999999Z"));

    policies.save(low);
    policies.save(high);

    assertThat(policies.find(FRAUD)).contains(low);
    assertThat(policies.find(CHURN)).contains(high);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void saveReplacesThePolicyAndItsOverridesWhole(TestDatabase.Kind kind) throws Exception {
    MonitoringPolicyRepository policies = open(kind);
    policies.save(full(FRAUD));
    policies.save(full(CHURN));

    MonitoringPolicy changed =
        new MonitoringPolicy(
            FRAUD,
            0.9,
            Duration.ofHours(1),
            1_000,
            Duration.ofMinutes(1),
            List.of(
                override("amount", true, DriftMethod.CHI_SQUARE, 0.01),
                override("new_feature", false, null, 0.5)),
            "bob",
            NOW.plusSeconds(60));
    policies.save(changed);

    assertThat(policies.find(FRAUD)).contains(changed);
    assertThat(overrideRows(FRAUD)).isEqualTo(2);
    assertThat(policies.find(CHURN)).contains(full(CHURN));

    MonitoringPolicy none =
        new MonitoringPolicy(
            FRAUD, 0.9, Duration.ofHours(1), 1_000, Duration.ofMinutes(1), List.of(), "carol", NOW);
    policies.save(none);
    assertThat(policies.find(FRAUD)).contains(none);
    assertThat(overrideRows(FRAUD)).isZero();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void deleteLeavesTheModelToTheDefaults(TestDatabase.Kind kind) throws Exception {
    MonitoringPolicyRepository policies = open(kind);
    policies.save(full(FRAUD));
    policies.save(full(CHURN));

    policies.delete(FRAUD);
    policies.delete(FRAUD); // twice: harmless
    policies.delete(new ResourceName("never_saved"));

    assertThat(policies.find(FRAUD)).isEmpty();
    assertThat(overrideRows(FRAUD)).isZero();
    assertThat(policies.find(CHURN)).contains(full(CHURN));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aPolicyGoesWithItsModel(TestDatabase.Kind kind) throws Exception {
    MonitoringPolicyRepository policies = open(kind);
    policies.save(full(CHURN));
    policies.save(full(FRAUD));

    db.execute("DELETE FROM ml_model WHERE name = 'churn'");

    assertThat(policies.find(CHURN)).isEmpty();
    assertThat(overrideRows(CHURN)).isZero();
    assertThat(policies.find(FRAUD)).contains(full(FRAUD));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aPolicyNeedsItsModel(TestDatabase.Kind kind) throws Exception {
    MonitoringPolicyRepository policies = open(kind);

    assertThatThrownBy(() -> policies.save(full(new ResourceName("nope"))))
        .isInstanceOf(MonitoringPolicyStoreException.class)
        .hasMessageContaining("saving the monitoring policy of model nope failed");

    assertThat(db.count("SELECT COUNT(*) FROM monitoring_policy")).isZero();
    assertThat(db.count("SELECT COUNT(*) FROM monitoring_feature_override")).isZero();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void allListsEverySavedPolicyByModel(TestDatabase.Kind kind) throws Exception {
    MonitoringPolicyRepository policies = open(kind);
    assertThat(policies.all()).isEmpty();

    ResourceName zeta = new ResourceName("zeta");
    db.model(zeta.value());
    policies.save(full(FRAUD));
    policies.save(MonitoringPolicy.defaults(zeta));
    policies.save(full(CHURN));

    assertThat(policies.all())
        .containsExactly(full(CHURN), full(FRAUD), MonitoringPolicy.defaults(zeta));

    policies.delete(FRAUD);
    assertThat(policies.all()).containsExactly(full(CHURN), MonitoringPolicy.defaults(zeta));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aSaveThatFailsPartWayLeavesTheEarlierPolicyWhole(TestDatabase.Kind kind) throws Exception {
    MonitoringPolicyRepository policies = open(kind);
    MonitoringPolicy earlier = full(FRAUD);
    policies.save(earlier);
    db.execute(
        "ALTER TABLE monitoring_feature_override ADD CONSTRAINT test_refuse"
            + " CHECK (feature <> 'bad')");

    MonitoringPolicy refused =
        new MonitoringPolicy(
            FRAUD,
            0.1,
            Duration.ofHours(2),
            500,
            Duration.ofMinutes(2),
            List.of(override("auc", false, null, null), override("bad", false, null, null)),
            "bob",
            NOW);
    assertThatThrownBy(() -> policies.save(refused))
        .isInstanceOf(MonitoringPolicyStoreException.class);

    assertThat(policies.find(FRAUD)).contains(earlier);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aStoredRowTheDomainRejectsIsAStoreFault(TestDatabase.Kind kind) throws Exception {
    MonitoringPolicyRepository policies = open(kind);
    policies.save(full(FRAUD));
    db.execute(
        "UPDATE monitoring_feature_override SET method = 'NO_SUCH_TEST'"
            + " WHERE model = 'fraud_model' AND feature = 'amount'");

    assertThatThrownBy(() -> policies.find(FRAUD))
        .isInstanceOf(MonitoringPolicyStoreException.class)
        .hasMessageContaining("stored monitoring policy of model fraud_model is not valid");
    assertThatThrownBy(policies::all).isInstanceOf(MonitoringPolicyStoreException.class);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void theSchemaKeepsValuesInRange(TestDatabase.Kind kind) throws Exception {
    open(kind);
    String insert =
        "INSERT INTO monitoring_policy (model, drift_share, window_seconds, window_predictions,"
            + " evaluate_every_seconds, updated_by, updated_at) VALUES ('fraud_model', %s, %s, %s,"
            + " %s, 'alice', TIMESTAMP WITH TIME ZONE '2026-03-01 12:00:00+00')";

    for (String bad :
        List.of(
            insert.formatted("0", "3600", "100", "60"),
            insert.formatted("1.5", "3600", "100", "60"),
            insert.formatted("0.5", "59", "100", "60"),
            insert.formatted("0.5", "31536001", "100", "60"),
            insert.formatted("0.5", "3600", "99", "60"),
            insert.formatted("0.5", "3600", "1000001", "60"),
            insert.formatted("0.5", "3600", "100", "0"),
            insert.formatted("0.5", "3600", "100", "86401"))) {
      assertThatThrownBy(() -> db.execute(bad)).as(bad).isInstanceOf(SQLException.class);
    }
    db.execute(insert.formatted("1", "60", "1000000", "86400"));
    assertThatThrownBy(
            () ->
                db.execute(
                    "INSERT INTO monitoring_feature_override (model, feature, categorical,"
                        + " method, threshold) VALUES ('fraud_model', 'a', FALSE, NULL, -0.1)"))
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(
            () ->
                db.execute(
                    "INSERT INTO monitoring_feature_override (model, feature, categorical,"
                        + " method, threshold) VALUES ('churn', 'a', FALSE, NULL, NULL)"))
        .isInstanceOf(SQLException.class);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void worksInsideTheCallersTransactionWithoutEndingIt(TestDatabase.Kind kind) throws Exception {
    open(kind);
    CallersTransaction.assertJoins(
        db.dataSource(),
        JdbcMonitoringPolicyRepository::new,
        policies -> policies.save(full(FRAUD)),
        policies -> policies.find(FRAUD),
        full(FRAUD));
  }

  private long overrideRows(ResourceName model) throws SQLException {
    return db.count(
        "SELECT COUNT(*) FROM monitoring_feature_override WHERE model = '" + model.value() + "'");
  }
}
