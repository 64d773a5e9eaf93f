package org.mlplatform.persistence.monitoring.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mlplatform.persistence.monitoring.alerts.AlertsDatabase.CHURN;
import static org.mlplatform.persistence.monitoring.alerts.AlertsDatabase.FRAUD;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlplatform.domain.monitoring.alerts.Alert;
import org.mlplatform.domain.monitoring.alerts.AlertRepository;
import org.mlplatform.domain.monitoring.alerts.AlertRule;
import org.mlplatform.domain.monitoring.alerts.AlertRuleRepository;
import org.mlplatform.domain.monitoring.alerts.AlertSeverity;
import org.mlplatform.domain.monitoring.alerts.AlertStatus;
import org.mlplatform.domain.monitoring.alerts.AlertTransitionException;
import org.mlplatform.domain.monitoring.alerts.Comparison;
import org.mlplatform.domain.monitoring.alerts.MonitoredMetric;
import org.mlplatform.domain.monitoring.alerts.NoSuchAlertException;
import org.mlplatform.domain.monitoring.alerts.NoSuchAlertRuleException;
import org.mlplatform.persistence.CallersTransaction;
import org.mlplatform.persistence.MigratedDatabase;
import org.mlplatform.persistence.TestDatabase;

/**
 * Alerts on the migrated schema, H2 and PostgreSQL: a round trip keeps every field, a rule has at
 * most one unresolved alert even when evaluators race, updates are compare-and-set on the status,
 * lists filter and come newest first, and alerts go with their rule and its model.
 */
class JdbcAlertRepositoryIT {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00.123456Z");

  private MigratedDatabase db;
  private AlertRuleRepository rules;

  private AlertRepository open(TestDatabase.Kind kind) throws SQLException {
    db = AlertsDatabase.create(kind);
    rules = new JdbcAlertRuleRepository(db.dataSource());
    return new JdbcAlertRepository(db.dataSource());
  }

  @AfterEach
  void dropDatabase() {
    if (db != null) {
      db.close();
    }
  }

  private AlertRule driftRule(String model) {
    AlertRule rule =
        AlertRule.create(
            model,
            Optional.of("amount"),
            MonitoredMetric.PSI,
            Comparison.ABOVE,
            0.2,
            AlertSeverity.CRITICAL,
            true,
            "alice",
            T0);
    rules.create(rule);
    return rule;
  }

  private AlertRule volumeRule(String model) {
    AlertRule rule =
        AlertRule.create(
            model,
            Optional.empty(),
            MonitoredMetric.VOLUME,
            Comparison.BELOW,
            100,
            AlertSeverity.INFO,
            false,
            "alice",
            T0);
    rules.create(rule);
    return rule;
  }

  private static Alert breach(AlertRule rule, double value, Instant at) {
    return Alert.open(rule, value, rule.describe() + ": " + value, at);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aRoundTripKeepsEveryField(TestDatabase.Kind kind) throws Exception {
    AlertRepository alerts = open(kind);
    Alert open = breach(driftRule(FRAUD), 0.35, T0);
    Alert plain = breach(volumeRule(CHURN), 3, T0.plusNanos(1_000));

    assertThat(alerts.openIfNone(open)).contains(open);
    assertThat(alerts.openIfNone(plain)).contains(plain);
    assertThat(alerts.find(open.id())).contains(open);
    assertThat(alerts.find(plain.id())).contains(plain);
    assertThat(alerts.find(UUID.randomUUID())).isEmpty();

    Alert full =
        open.withRetraining("retraining:42:7f3e")
            .seenAgain(0.41, T0.plusSeconds(60))
            .acknowledge("bob", T0.plusSeconds(61))
            .resolve("carol", T0.plusNanos(62_000_001_000L));
    alerts.update(full, AlertStatus.OPEN);
    assertThat(alerts.find(open.id())).contains(full);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aRuleHasAtMostOneUnresolvedAlert(TestDatabase.Kind kind) throws Exception {
    AlertRepository alerts = open(kind);
    AlertRule rule = driftRule(FRAUD);
    AlertRule other = driftRule(FRAUD);
    Alert first = breach(rule, 0.3, T0);

    assertThat(alerts.openIfNone(first)).contains(first);
    assertThat(alerts.openIfNone(breach(rule, 0.4, T0.plusSeconds(60)))).isEmpty();
    assertThat(alerts.unresolvedFor(rule.id())).contains(first);
    assertThat(alerts.openIfNone(breach(other, 0.5, T0))).isPresent();

    Alert acknowledged = first.acknowledge("bob", T0.plusSeconds(60));
    alerts.update(acknowledged, AlertStatus.OPEN);
    assertThat(alerts.openIfNone(breach(rule, 0.4, T0.plusSeconds(120)))).isEmpty();
    assertThat(alerts.unresolvedFor(rule.id())).contains(acknowledged);

    alerts.update(
        acknowledged.resolve(Alert.SYSTEM, T0.plusSeconds(180)), AlertStatus.ACKNOWLEDGED);
    assertThat(alerts.unresolvedFor(rule.id())).isEmpty();
    Alert next = breach(rule, 0.6, T0.plusSeconds(240));
    assertThat(alerts.openIfNone(next)).contains(next);
    assertThat(alerts.unresolvedFor(rule.id())).contains(next);
    assertThat(db.count("SELECT COUNT(*) FROM alert WHERE rule_id = '" + rule.id() + "'"))
        .isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void racingEvaluatorsOpenOneAlert(TestDatabase.Kind kind) throws Exception {
    AlertRepository alerts = open(kind);
    int rounds = 10;
    int racers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    try {
      for (int round = 0; round < rounds; round++) {
        AlertRule rule = driftRule(FRAUD);
        CyclicBarrier start = new CyclicBarrier(racers);
        List<Future<Optional<Alert>>> results = new ArrayList<>();
        for (int racer = 0; racer < racers; racer++) {
          Alert alert = breach(rule, 0.3 + racer, T0);
          results.add(
              pool.submit(
                  () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return alerts.openIfNone(alert);
                  }));
        }
        List<Alert> opened = new ArrayList<>();
        for (Future<Optional<Alert>> result : results) {
          result.get(30, TimeUnit.SECONDS).ifPresent(opened::add);
        }

        assertThat(opened).hasSize(1);
        assertThat(alerts.unresolvedFor(rule.id())).contains(opened.getFirst());
        assertThat(db.count("SELECT COUNT(*) FROM alert WHERE rule_id = '" + rule.id() + "'"))
            .isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void anAlertNeedsItsRule(TestDatabase.Kind kind) throws Exception {
    AlertRepository alerts = open(kind);
    AlertRule unsaved =
        AlertRule.create(
            FRAUD,
            Optional.empty(),
            MonitoredMetric.AUC,
            Comparison.BELOW,
            0.7,
            AlertSeverity.WARNING,
            false,
            "alice",
            T0);

    assertThatThrownBy(() -> alerts.openIfNone(breach(unsaved, 0.6, T0)))
        .isInstanceOfSatisfying(
            NoSuchAlertRuleException.class, e -> assertThat(e.ruleId()).isEqualTo(unsaved.id()));
    assertThat(db.count("SELECT COUNT(*) FROM alert")).isZero();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void anUpdateExpectingAnotherStatusIsRefused(TestDatabase.Kind kind) throws Exception {
    AlertRepository alerts = open(kind);
    Alert open = breach(driftRule(FRAUD), 0.3, T0);
    alerts.openIfNone(open);
    Alert acknowledged = open.acknowledge("bob", T0.plusSeconds(1));
    alerts.update(acknowledged, AlertStatus.OPEN);

    // Someone else loaded it while open and resolves it now: too late.
    Alert staleResolve = open.resolve("carol", T0.plusSeconds(2));
    assertThatThrownBy(() -> alerts.update(staleResolve, AlertStatus.OPEN))
        .isInstanceOf(AlertTransitionException.class)
        .hasMessage(
            "alert "
                + open.id()
                + " is acknowledged now, no longer open: someone changed it meanwhile; reload it"
                + " and try again");
    assertThat(alerts.find(open.id())).contains(acknowledged);

    Alert missing = breach(driftRule(CHURN), 0.3, T0);
    assertThatThrownBy(() -> alerts.update(missing, AlertStatus.OPEN))
        .isInstanceOfSatisfying(
            NoSuchAlertException.class, e -> assertThat(e.alertId()).isEqualTo(missing.id()));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void listsFilterAndComeNewestFirst(TestDatabase.Kind kind) throws Exception {
    AlertRepository alerts = open(kind);
    Alert fraudOld = breach(driftRule(FRAUD), 0.3, T0);
    Alert fraudNew = breach(volumeRule(FRAUD), 3, T0.plusSeconds(120));
    Alert churnMiddle = breach(driftRule(CHURN), 0.9, T0.plusSeconds(60));
    Alert churnResolved = breach(volumeRule(CHURN), 1, T0.plusSeconds(30));
    for (Alert alert : List.of(fraudOld, fraudNew, churnMiddle, churnResolved)) {
      alerts.openIfNone(alert);
    }
    Alert fraudAcknowledged = fraudOld.acknowledge("bob", T0.plusSeconds(200));
    alerts.update(fraudAcknowledged, AlertStatus.OPEN);
    Alert resolved = churnResolved.resolve(Alert.SYSTEM, T0.plusSeconds(200));
    alerts.update(resolved, AlertStatus.OPEN);

    assertThat(alerts.list(Optional.empty(), Optional.empty(), 100))
        .containsExactly(fraudNew, churnMiddle, resolved, fraudAcknowledged);
    assertThat(alerts.list(Optional.empty(), Optional.empty(), 2))
        .containsExactly(fraudNew, churnMiddle);
    assertThat(alerts.list(Optional.of(FRAUD), Optional.empty(), 100))
        .containsExactly(fraudNew, fraudAcknowledged);
    assertThat(alerts.list(Optional.empty(), Optional.of(AlertStatus.OPEN), 100))
        .containsExactly(fraudNew, churnMiddle);
    assertThat(alerts.list(Optional.of(CHURN), Optional.of(AlertStatus.RESOLVED), 100))
        .containsExactly(resolved);
    assertThat(alerts.list(Optional.of(CHURN), Optional.of(AlertStatus.ACKNOWLEDGED), 100))
        .isEmpty();
    assertThatThrownBy(() -> alerts.list(Optional.empty(), Optional.empty(), 0))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(alerts.countUnresolved(Optional.empty())).isEqualTo(3);
    assertThat(alerts.countUnresolved(Optional.of(FRAUD))).isEqualTo(2);
    assertThat(alerts.countUnresolved(Optional.of(CHURN))).isEqualTo(1);
    assertThat(alerts.countUnresolved(Optional.of("other"))).isZero();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void alertsGoWithTheirRuleAndItsModel(TestDatabase.Kind kind) throws Exception {
    AlertRepository alerts = open(kind);
    AlertRule fraudRule = driftRule(FRAUD);
    AlertRule churnRule = driftRule(CHURN);
    AlertRule churnOther = volumeRule(CHURN);
    Alert fraudAlert = breach(fraudRule, 0.3, T0);
    alerts.openIfNone(fraudAlert);
    alerts.openIfNone(breach(churnRule, 0.3, T0));
    alerts.openIfNone(breach(churnOther, 1, T0));

    assertThat(rules.delete(churnRule.id())).isTrue();
    assertThat(alerts.unresolvedFor(churnRule.id())).isEmpty();
    assertThat(alerts.countUnresolved(Optional.of(CHURN))).isEqualTo(1);

    db.execute("DELETE FROM ml_model WHERE name = 'churn'");
    assertThat(alerts.list(Optional.empty(), Optional.empty(), 100)).containsExactly(fraudAlert);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void theSchemaItselfRefusesASecondUnresolvedAlert(TestDatabase.Kind kind) throws Exception {
    AlertRepository alerts = open(kind);
    AlertRule rule = volumeRule(FRAUD);
    alerts.openIfNone(breach(rule, 1, T0));
    String insert =
        "INSERT INTO alert (id, rule_id, model_name, metric, severity, status, observed_value,"
            + " threshold, message, opened_at, last_seen_at, resolved_by, resolved_at,"
            + " unresolved_rule_id) VALUES ('%s', '%s', 'fraud', 'VOLUME', 'INFO', '%s', 1, 100,"
            + " 'm', TIMESTAMP WITH TIME ZONE '2026-03-01 12:00:00+00',"
            + " TIMESTAMP WITH TIME ZONE '2026-03-01 12:00:00+00', %s, %s, %s)";
    String at = "TIMESTAMP WITH TIME ZONE '2026-03-01 12:00:00+00'";
    String ruleId = "'" + rule.id() + "'";

    assertThatThrownBy(
            () ->
                db.execute(
                    insert.formatted(UUID.randomUUID(), rule.id(), "OPEN", "NULL", "NULL", ruleId)))
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(
            () ->
                db.execute(
                    insert.formatted(UUID.randomUUID(), rule.id(), "OPEN", "NULL", "NULL", "NULL")))
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(
            () ->
                db.execute(
                    insert.formatted(
                        UUID.randomUUID(), rule.id(), "RESOLVED", "'bob'", at, ruleId)))
        .isInstanceOf(SQLException.class);
    db.execute(insert.formatted(UUID.randomUUID(), rule.id(), "RESOLVED", "'bob'", at, "NULL"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void worksInsideTheCallersTransactionWithoutEndingIt(TestDatabase.Kind kind) throws Exception {
    open(kind);
    AlertRule rule = driftRule(FRAUD);
    Alert alert = breach(rule, 0.3, T0);
    try (Connection shared = db.dataSource().getConnection()) {
      shared.setAutoCommit(false);
      AlertRepository inCallersTransaction = new JdbcAlertRepository(CallersTransaction.on(shared));

      assertThat(inCallersTransaction.openIfNone(alert)).contains(alert);
      assertThat(inCallersTransaction.unresolvedFor(rule.id())).contains(alert);
      shared.rollback();
      assertThat(inCallersTransaction.unresolvedFor(rule.id())).isEmpty();

      inCallersTransaction.openIfNone(alert);
      shared.commit();
    }
    assertThat(new JdbcAlertRepository(db.dataSource()).find(alert.id())).contains(alert);
  }
}
