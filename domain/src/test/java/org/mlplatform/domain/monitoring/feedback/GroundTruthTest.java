package org.mlplatform.domain.monitoring.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.DomainValidationException;

class GroundTruthTest {

  private static final UUID ID = UUID.randomUUID();
  private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");

  private static GroundTruth truth(int row, Optional<String> label, OptionalDouble value) {
    return new GroundTruth(ID, row, "fraud", label, value, "alice", AT);
  }

  private static void assertRefused(Runnable construction, String field) {
    assertThatThrownBy(construction::run)
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void holdsExactlyOneOfLabelAndValue() {
    assertThat(GroundTruth.label(ID, 0, "fraud", "yes", "alice", AT).label()).contains("yes");
    assertThat(GroundTruth.value(ID, 2, "fraud", -3.5, "alice", AT).value())
        .isEqualTo(OptionalDouble.of(-3.5));

    assertRefused(() -> truth(0, Optional.empty(), OptionalDouble.empty()), "label");
    assertRefused(() -> truth(0, Optional.of("yes"), OptionalDouble.of(1)), "label");
    assertRefused(() -> truth(0, Optional.of(" "), OptionalDouble.empty()), "label");
    assertRefused(() -> truth(0, Optional.of("x".repeat(201)), OptionalDouble.empty()), "label");
    assertRefused(() -> truth(0, Optional.empty(), OptionalDouble.of(Double.NaN)), "value");
    assertRefused(
        () -> truth(0, Optional.empty(), OptionalDouble.of(Double.POSITIVE_INFINITY)), "value");
  }

  @Test
  void refusesBrokenFieldsByName() {
    assertRefused(() -> truth(-1, Optional.of("yes"), OptionalDouble.empty()), "row");
    assertRefused(() -> GroundTruth.label(null, 0, "fraud", "yes", "alice", AT), "predictionId");
    assertRefused(() -> GroundTruth.label(ID, 0, "Not A Name", "yes", "alice", AT), "model");
    assertRefused(() -> GroundTruth.label(ID, 0, "fraud", "yes", "", AT), "givenBy");
    assertRefused(() -> GroundTruth.label(ID, 0, "fraud", "yes", "a".repeat(201), AT), "givenBy");
  }

  @Test
  void keepsWholeMicroseconds() {
    assertThat(GroundTruth.label(ID, 0, "fraud", "y", "a", AT.plusNanos(1_999)).receivedAt())
        .isEqualTo(AT.plusNanos(1_000));
  }
}
