package org.mlplatform.persistence.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlplatform.domain.monitoring.history.MonitoringHistory;
import org.mlplatform.domain.monitoring.history.MonitoringHistoryException;
import org.mlplatform.domain.monitoring.history.MonitoringSnapshot;
import org.mlplatform.domain.monitoring.history.SnapshotColumn;
import org.mlplatform.persistence.TestDatabase;
import org.mlplatform.persistence.migration.SchemaMigrator;

/** The monitoring history on the migrated schema, H2 and PostgreSQL. */
class JdbcMonitoringHistoryIT {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private static final SnapshotColumn EVERYTHING =
      new SnapshotColumn(
          "amount",
          Optional.of("NUMERICAL"),
          Optional.of("WASSERSTEIN"),
          OptionalDouble.of(0.1),
          OptionalDouble.of(0.4321),
          true,
          OptionalDouble.of(0.27),
          OptionalDouble.of(0.0),
          OptionalDouble.of(0.125),
          OptionalDouble.of(1.0),
          SnapshotColumn.COMPUTED,
          Optional.empty());

  private static final SnapshotColumn NOTHING =
      new SnapshotColumn(
          "country",
          Optional.empty(),
          Optional.empty(),
          OptionalDouble.empty(),
          OptionalDouble.empty(),
          false,
          OptionalDouble.empty(),
          OptionalDouble.empty(),
          OptionalDouble.empty(),
          OptionalDouble.empty(),
          SnapshotColumn.NOT_COMPUTABLE,
          Optional.of("no current values"));

  private TestDatabase db;

  private MonitoringHistory open(TestDatabase.Kind kind) throws SQLException {
    db = TestDatabase.create(kind);
    new SchemaMigrator(db.dataSource()).migrate();
    model("fraud");
    model("churn");
    return new JdbcMonitoringHistory(db.dataSource());
  }

  @AfterEach
  void dropDatabase() {
    if (db != null) {
      db.close();
    }
  }

  private void model(String name) throws SQLException {
    execute(
        "INSERT INTO ml_model (name, description, owner, created_at, updated_at) VALUES (?, '', '',"
            + " ?, ?)",
        name,
        T0.atOffset(ZoneOffset.UTC),
        T0.atOffset(ZoneOffset.UTC));
  }

  private void execute(String sql, Object... parameters) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    }
  }

  private long rows(String table) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static MonitoringSnapshot snapshot(
      String model, Instant computedAt, List<SnapshotColumn> columns, Map<String, Double> perf) {
    return new MonitoringSnapshot(
        UUID.randomUUID(),
        model,
        3,
        computedAt,
        computedAt.minus(Duration.ofHours(1)),
        computedAt,
        12_345,
        0.5,
        true,
        columns,
        perf,
        678,
        1_234.5);
  }

  private static MonitoringSnapshot plain(String model, Instant computedAt) {
    return snapshot(model, computedAt, List.of(EVERYTHING), Map.of("accuracy", 0.9));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aSnapshotComesBackWithEveryFieldPresentOrAbsent(TestDatabase.Kind kind) throws Exception {
    MonitoringHistory history = open(kind);
    MonitoringSnapshot full =
        snapshot(
            "fraud",
            T0.plusNanos(123_456_789),
            List.of(NOTHING, EVERYTHING), // kept in this order, not by name
            Map.of("accuracy", 0.875, "f1", 0.0, "log_loss", 1e-12));
    MonitoringSnapshot empty =
        new MonitoringSnapshot(
            UUID.randomUUID(), "fraud", 1, T0, T0, T0, 0, 0, false, List.of(), Map.of(), 0, 0);

    history.save(empty);
    assertThat(history.latest("fraud")).contains(empty);
    history.save(full);

    assertThat(history.latest("fraud")).contains(full);
    assertThat(history.latest("fraud").orElseThrow().computedAt())
        .isEqualTo(T0.plusNanos(123_456_000));
    assertThat(history.list("fraud", T0, T0.plusSeconds(1), 10)).containsExactly(empty, full);
    assertThat(history.latest("churn")).isEmpty();
    assertThat(history.latest("unknown")).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void listGivesTheNewestWithinTheWindowOldestFirst(TestDatabase.Kind kind) throws Exception {
    MonitoringHistory history = open(kind);
    List<MonitoringSnapshot> fraud = new ArrayList<>();
    for (int hour = 0; hour < 10; hour++) {
      fraud.add(plain("fraud", T0.plusSeconds(3_600L * hour)));
    }
    fraud.reversed().forEach(history::save);
    history.save(plain("churn", T0.plusSeconds(3_600L * 5)));
    Instant from = T0.plusSeconds(3_600L * 2);
    Instant to = T0.plusSeconds(3_600L * 8);

    assertThat(history.list("fraud", from, to, 100)).containsExactlyElementsOf(fraud.subList(2, 8));
    assertThat(history.list("fraud", from, to, 3)).containsExactlyElementsOf(fraud.subList(5, 8));
    assertThat(history.list("fraud", to, to, 3)).isEmpty();
    assertThat(history.list("churn", from, to, 100)).hasSize(1);
    assertThat(history.latest("fraud")).contains(fraud.getLast());
    assertThatThrownBy(() -> history.list("fraud", from, to, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void deleteOlderThanTakesTheColumnsAndMetricsAlong(TestDatabase.Kind kind) throws Exception {
    MonitoringHistory history = open(kind);
    for (int day = 0; day < 5; day++) {
      history.save(plain(day % 2 == 0 ? "fraud" : "churn", T0.plus(Duration.ofDays(day))));
    }

    assertThat(history.deleteOlderThan(T0.plus(Duration.ofDays(3)))).isEqualTo(3);
    assertThat(history.deleteOlderThan(T0.plus(Duration.ofDays(3)))).isZero();

    assertThat(rows("monitoring_snapshot")).isEqualTo(2);
    assertThat(rows("monitoring_snapshot_column")).isEqualTo(2);
    assertThat(rows("monitoring_snapshot_metric")).isEqualTo(2);
    assertThat(history.list("fraud", T0, T0.plus(Duration.ofDays(9)), 10))
        .extracting(MonitoringSnapshot::computedAt)
        .containsExactly(T0.plus(Duration.ofDays(4)));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void deletingTheModelDeletesItsHistory(TestDatabase.Kind kind) throws Exception {
    MonitoringHistory history = open(kind);
    history.save(plain("fraud", T0));
    history.save(plain("churn", T0));

    execute("DELETE FROM ml_model WHERE name = ?", "fraud");

    assertThat(history.latest("fraud")).isEmpty();
    assertThat(history.latest("churn")).isPresent();
    assertThat(rows("monitoring_snapshot_column")).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aSaveThatFailsPartWayLeavesNothingBehind(TestDatabase.Kind kind) throws Exception {
    MonitoringHistory history = open(kind);
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      // Refused only in the column table, after the snapshot row went in.
      s.execute(
          "ALTER TABLE monitoring_snapshot_column ADD CONSTRAINT test_refuse"
              + " CHECK (column_name <> 'country')");
    }
    MonitoringSnapshot refused =
        snapshot("fraud", T0, List.of(EVERYTHING, NOTHING), Map.of("accuracy", 1.0));
    MonitoringSnapshot saved = plain("fraud", T0);
    history.save(saved);

    assertThatThrownBy(() -> history.save(refused))
        .isInstanceOf(MonitoringHistoryException.class)
        .hasMessageContaining("saving monitoring snapshot " + refused.id());
    assertThatThrownBy(() -> history.save(saved)).isInstanceOf(MonitoringHistoryException.class);
    assertThatThrownBy(() -> history.save(plain("unknown", T0)))
        .isInstanceOf(MonitoringHistoryException.class);

    assertThat(history.list("fraud", T0, T0.plusSeconds(1), 10)).containsExactly(saved);
    assertThat(rows("monitoring_snapshot_column")).isEqualTo(1);
    assertThat(rows("monitoring_snapshot_metric")).isEqualTo(1);
  }
}
