package org.mlplatform.domain.monitoring.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.DomainValidationException;

class MonitoringSnapshotTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private static SnapshotColumn column(
      String name, OptionalDouble score, boolean drifted, String status, Optional<String> reason) {
    return new SnapshotColumn(
        name,
        Optional.of("NUMERICAL"),
        Optional.of("PSI"),
        OptionalDouble.of(0.1),
        score,
        drifted,
        OptionalDouble.empty(),
        OptionalDouble.of(0.5),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        status,
        reason);
  }

  private static SnapshotColumn computed(String name) {
    return column(name, OptionalDouble.of(0.2), true, SnapshotColumn.COMPUTED, Optional.empty());
  }

  private static MonitoringSnapshot snapshot(
      List<SnapshotColumn> columns, Map<String, Double> performance, double shareDrifted) {
    return new MonitoringSnapshot(
        UUID.randomUUID(),
        "fraud",
        1,
        T0,
        T0.minusSeconds(60),
        T0,
        10,
        shareDrifted,
        false,
        columns,
        performance,
        0,
        12.5);
  }

  private static void assertRefused(Runnable construction, String field) {
    assertThatThrownBy(construction::run)
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void aColumnsStatusAndReasonAgree() {
    assertThat(computed("amount").isComputed()).isTrue();
    assertThat(
            column(
                    "amount",
                    OptionalDouble.empty(),
                    false,
                    SnapshotColumn.NOT_COMPUTABLE,
                    Optional.of("empty"))
                .isComputed())
        .isFalse();

    assertRefused(
        () -> column("a", OptionalDouble.of(1), false, "done", Optional.empty()), "status");
    assertRefused(
        () -> column("a", OptionalDouble.of(1), false, "computed", Optional.of("why")), "reason");
    assertRefused(
        () -> column("a", OptionalDouble.empty(), false, "not_computable", Optional.empty()),
        "reason");
    assertRefused(
        () -> column("a", OptionalDouble.of(1), false, "not_computable", Optional.of("why")),
        "score");
    assertRefused(
        () -> column("a", OptionalDouble.empty(), true, "not_computable", Optional.of("why")),
        "drifted");
    assertRefused(
        () -> column("a", OptionalDouble.of(-1), false, "computed", Optional.empty()), "score");
    assertRefused(() -> computed("x".repeat(201)), "column");
  }

  @Test
  void aSnapshotRefusesBrokenFieldsByName() {
    assertThat(snapshot(List.of(computed("a")), Map.of("accuracy", 0.9), 1).columns()).hasSize(1);

    assertRefused(() -> snapshot(List.of(computed("a"), computed("a")), Map.of(), 0), "columns");
    assertRefused(() -> snapshot(List.of(), Map.of("accuracy", Double.NaN), 0), "performance");
    assertRefused(() -> snapshot(List.of(), Map.of("m".repeat(101), 1.0), 0), "performance");
    assertRefused(() -> snapshot(List.of(), Map.of(), 1.5), "shareDrifted");
    assertRefused(
        () ->
            new MonitoringSnapshot(
                UUID.randomUUID(),
                "fraud",
                1,
                T0,
                T0,
                T0.minusNanos(1_000),
                0,
                0,
                false,
                List.of(),
                Map.of(),
                0,
                0),
        "windowTo");
  }
}
