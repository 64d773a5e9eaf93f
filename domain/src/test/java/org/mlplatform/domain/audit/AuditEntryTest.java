package org.mlplatform.domain.audit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

  @Test
  void requiresActorAndAction() {
    assertThatThrownBy(
            () ->
                new AuditEntry(
                    Instant.now(), "", List.of(), "login", null, null, Outcome.SUCCESS, null, null))
        .hasMessageContaining("actor");
    assertThatThrownBy(
            () ->
                new AuditEntry(
                    Instant.now(),
                    "alice",
                    List.of(),
                    " ",
                    null,
                    null,
                    Outcome.SUCCESS,
                    null,
                    null))
        .hasMessageContaining("action");
  }
}
