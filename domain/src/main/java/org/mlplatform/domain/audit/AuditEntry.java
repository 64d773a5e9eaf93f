package org.mlplatform.domain.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One audited action: who did what to which target, when, and how it ended. Immutable; the audit
 * log only ever appends.
 *
 * @param occurredAt when it happened, truncated to the microsecond the database keeps (so the hash
 *     of a record written is the hash of the record read back)
 * @param requestId correlates the record with the request's log lines; may be null for work that
 *     did not come from a request
 */
public record AuditEntry(
    Instant occurredAt,
    String actor,
    List<String> actorRoles,
    String action,
    String target,
    String summary,
    Outcome outcome,
    String requestId,
    String clientAddress) {

  public AuditEntry {
    occurredAt = Objects.requireNonNull(occurredAt, "occurredAt").truncatedTo(ChronoUnit.MICROS);
    requireText(actor, "actor");
    requireText(action, "action");
    Objects.requireNonNull(outcome, "outcome");
    actorRoles = List.copyOf(actorRoles);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
