package org.mlplatform.persistence.monitoring.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mlplatform.persistence.monitoring.alerts.AlertsDatabase.CHURN;
import static org.mlplatform.persistence.monitoring.alerts.AlertsDatabase.FRAUD;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.monitoring.alerts.AlertRule;
import org.mlplatform.domain.monitoring.alerts.AlertRuleRepository;
import org.mlplatform.domain.monitoring.alerts.AlertSeverity;
import org.mlplatform.domain.monitoring.alerts.Comparison;
import org.mlplatform.domain.monitoring.alerts.MonitoredMetric;
import org.mlplatform.domain.monitoring.alerts.NoSuchAlertRuleException;
import org.mlplatform.persistence.CallersTransaction;
import org.mlplatform.persistence.MigratedDatabase;
import org.mlplatform.persistence.TestDatabase;

/**
 * Alert rules on the migrated schema, H2 and PostgreSQL: a round trip keeps every field, update
 * replaces, lists filter and keep their order, a rule goes with its model, and the repository works
 * inside a transaction its caller runs without ending it.
 */
class JdbcAlertRuleRepositoryIT {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00.123456Z");

  private MigratedDatabase db;

  private AlertRuleRepository open(TestDatabase.Kind kind) throws SQLException {
    db = AlertsDatabase.create(kind);
    return new JdbcAlertRuleRepository(db.dataSource());
  }

  @AfterEach
  void dropDatabase() {
    if (db != null) {
      db.close();
    }
  }

  private static AlertRule drift(String model, Instant at) {
    return new AlertRule(
        UUID.randomUUID(),
        model,
        Optional.of("Amount (EUR) – ünïcode"),
        MonitoredMetric.DRIFT_SCORE,
        Comparison.ABOVE,
        0.1,
        AlertSeverity.CRITICAL,
        true,
        true,
        "alice",
        at);
  }

  private static AlertRule accuracy(String model, Instant at) {
    return new AlertRule(
        UUID.randomUUID(),
        model,
        Optional.empty(),
        MonitoredMetric.ACCURACY,
        Comparison.BELOW,
        -0.000123456789,
        AlertSeverity.INFO,
        false,
        false,
        "bob",
        at);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aRoundTripKeepsEveryField(TestDatabase.Kind kind) throws Exception {
    AlertRuleRepository rules = open(kind);
    AlertRule withFeature = drift(FRAUD, T0);
    AlertRule withoutFeature = accuracy(CHURN, T0.plusNanos(1_000));

    rules.create(withFeature);
    rules.create(withoutFeature);

    assertThat(rules.find(withFeature.id())).contains(withFeature);
    assertThat(rules.find(withoutFeature.id())).contains(withoutFeature);
    assertThat(rules.find(UUID.randomUUID())).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void updateReplacesEveryFieldButTheId(TestDatabase.Kind kind) throws Exception {
    AlertRuleRepository rules = open(kind);
    AlertRule rule = drift(FRAUD, T0);
    rules.create(rule);

    AlertRule changed =
        new AlertRule(
            rule.id(),
            CHURN,
            Optional.empty(),
            MonitoredMetric.MEAN_LATENCY_MS,
            Comparison.ABOVE,
            250,
            AlertSeverity.WARNING,
            false,
            false,
            "carol",
            T0.plusSeconds(1));
    rules.update(changed);
    assertThat(rules.find(rule.id())).contains(changed);

    rules.update(rule);
    assertThat(rules.find(rule.id())).contains(rule);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void updatingOrDeletingAMissingRuleSaysSo(TestDatabase.Kind kind) throws Exception {
    AlertRuleRepository rules = open(kind);
    AlertRule missing = drift(FRAUD, T0);

    assertThatThrownBy(() -> rules.update(missing))
        .isInstanceOfSatisfying(
            NoSuchAlertRuleException.class, e -> assertThat(e.ruleId()).isEqualTo(missing.id()));
    assertThat(rules.delete(missing.id())).isFalse();

    rules.create(missing);
    assertThat(rules.delete(missing.id())).isTrue();
    assertThat(rules.delete(missing.id())).isFalse();
    assertThat(rules.find(missing.id())).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aRuleNeedsAnExistingModel(TestDatabase.Kind kind) throws Exception {
    AlertRuleRepository rules = open(kind);
    AlertRule rule = drift(FRAUD, T0);
    rules.create(rule);

    assertThatThrownBy(() -> rules.create(drift("nope", T0)))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("model"))
        .hasMessage("there is no model nope");
    assertThatThrownBy(() -> rules.update(accuracy("nope", T0)))
        .isInstanceOf(NoSuchAlertRuleException.class);
    AlertRule moved =
        new AlertRule(
            rule.id(),
            "nope",
            rule.feature(),
            rule.metric(),
            rule.comparison(),
            rule.threshold(),
            rule.severity(),
            rule.startsRetraining(),
            rule.enabled(),
            rule.createdBy(),
            rule.createdAt());
    assertThatThrownBy(() -> rules.update(moved))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("model"));
    assertThat(rules.find(rule.id())).contains(rule);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void listsByModelThenCreationTime(TestDatabase.Kind kind) throws Exception {
    AlertRuleRepository rules = open(kind);
    AlertRule fraudLater = drift(FRAUD, T0.plusSeconds(60));
    AlertRule fraudEarlier = accuracy(FRAUD, T0);
    AlertRule churn = drift(CHURN, T0.plusSeconds(120));
    AlertRule churnDisabled = accuracy(CHURN, T0.plusSeconds(180));
    rules.create(fraudLater);
    rules.create(churnDisabled);
    rules.create(fraudEarlier);
    rules.create(churn);

    assertThat(rules.list(Optional.empty()))
        .containsExactly(churn, churnDisabled, fraudEarlier, fraudLater);
    assertThat(rules.list(Optional.of(FRAUD))).containsExactly(fraudEarlier, fraudLater);
    assertThat(rules.list(Optional.of("other"))).isEmpty();
    assertThat(rules.listEnabled()).containsExactly(churn, fraudLater);

    rules.update(churnDisabled.withEnabled(true));
    assertThat(rules.listEnabled())
        .containsExactly(churn, churnDisabled.withEnabled(true), fraudLater);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aRuleGoesWithItsModel(TestDatabase.Kind kind) throws Exception {
    AlertRuleRepository rules = open(kind);
    AlertRule fraud = drift(FRAUD, T0);
    AlertRule churn = drift(CHURN, T0);
    rules.create(fraud);
    rules.create(churn);

    db.execute("DELETE FROM ml_model WHERE name = 'churn'");

    assertThat(rules.find(churn.id())).isEmpty();
    assertThat(rules.list(Optional.empty())).containsExactly(fraud);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void theSchemaRefusesUnknownComparisonsAndSeverities(TestDatabase.Kind kind) throws Exception {
    open(kind);
    String insert =
        "INSERT INTO alert_rule (id, model_name, feature, metric, comparison, threshold, severity,"
            + " starts_retraining, enabled, created_by, created_at) VALUES ('%s', 'fraud', NULL,"
            + " 'VOLUME', '%s', 1, '%s', FALSE, TRUE, 'alice',"
            + " TIMESTAMP WITH TIME ZONE '2026-03-01 12:00:00+00')";

    assertThatThrownBy(() -> db.execute(insert.formatted(UUID.randomUUID(), "above", "INFO")))
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> db.execute(insert.formatted(UUID.randomUUID(), "BELOW", "HIGH")))
        .isInstanceOf(SQLException.class);
    db.execute(insert.formatted(UUID.randomUUID(), "BELOW", "INFO"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void worksInsideTheCallersTransactionWithoutEndingIt(TestDatabase.Kind kind) throws Exception {
    open(kind);
    AlertRule rule = drift(FRAUD, T0);
    CallersTransaction.assertJoins(
        db.dataSource(),
        JdbcAlertRuleRepository::new,
        rules -> rules.create(rule),
        rules -> rules.find(rule.id()),
        rule);
  }
}
