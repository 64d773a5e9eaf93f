package org.mlplatform.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.DomainValidationException;

class AuditFilterTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private static final AuditEntry ENTRY =
      new AuditEntry(
          T0,
          "alice",
          List.of("admin"),
          "model.register",
          "model:Fraud",
          "registered",
          Outcome.DENIED,
          null,
          null);

  @Test
  void blankTextIsNoCriterion() {
    AuditFilter filter = new AuditFilter(" ", "", null, null, null, null);

    assertThat(filter).isEqualTo(AuditFilter.ALL);
    assertThat(AuditFilter.ALL.matches(ENTRY)).isTrue();
    assertThat(AuditFilter.ALL.withActor("  alice ").actor()).isEqualTo("alice");
  }

  @Test
  void everyCriterionMustHold() {
    assertThat(AuditFilter.ALL.withActor("alice").matches(ENTRY)).isTrue();
    assertThat(AuditFilter.ALL.withActor("ali").matches(ENTRY)).isFalse();
    assertThat(AuditFilter.ALL.withActionPrefix("model.").matches(ENTRY)).isTrue();
    assertThat(AuditFilter.ALL.withActionPrefix("feature").matches(ENTRY)).isFalse();
    assertThat(AuditFilter.ALL.withTargetContaining("FRAUD").matches(ENTRY)).isTrue();
    assertThat(AuditFilter.ALL.withTargetContaining("churn").matches(ENTRY)).isFalse();
    assertThat(AuditFilter.ALL.withOutcome(Outcome.DENIED).matches(ENTRY)).isTrue();
    assertThat(AuditFilter.ALL.withOutcome(Outcome.SUCCESS).matches(ENTRY)).isFalse();
    assertThat(AuditFilter.ALL.between(T0, T0.plusSeconds(1)).matches(ENTRY)).isTrue();
    assertThat(AuditFilter.ALL.between(T0.minusSeconds(1), T0).matches(ENTRY)).isFalse();
    assertThat(AuditFilter.ALL.between(null, T0.plusSeconds(1)).matches(ENTRY)).isTrue();
    assertThat(AuditFilter.ALL.withActor("alice").withOutcome(Outcome.SUCCESS).matches(ENTRY))
        .isFalse();
  }

  @Test
  void fromMustComeBeforeTo() {
    assertThatThrownBy(() -> AuditFilter.ALL.between(T0, T0))
        .isInstanceOf(DomainValidationException.class)
        .hasMessageContaining("later than from")
        .extracting(e -> ((DomainValidationException) e).field())
        .isEqualTo("to");
  }
}
