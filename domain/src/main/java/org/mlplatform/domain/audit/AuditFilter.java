package org.mlplatform.domain.audit;

import java.time.Instant;
import java.util.Locale;
import org.mlplatform.domain.DomainValidationException;

/**
 * Which audit records to show or export; every criterion is optional and they all must hold.
 *
 * @param actor the user, exactly
 * @param actionPrefix the action starts with it ({@code model.} finds every model action)
 * @param targetContains the target contains it, ignoring case
 * @param outcome how the action ended
 * @param from at or after this moment
 * @param to before this moment
 */
public record AuditFilter(
    String actor,
    String actionPrefix,
    String targetContains,
    Outcome outcome,
    Instant from,
    Instant to) {

  /** No criterion: every record. */
  public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null);

  /** Blank text means no criterion; {@code from} must come before {@code to}. */
  public AuditFilter {
    actor = text(actor);
    actionPrefix = text(actionPrefix);
    targetContains = text(targetContains);
    if (from != null && to != null && !from.isBefore(to)) {
      throw new DomainValidationException("to", "to must be later than from");
    }
  }

  public AuditFilter withActor(String actor) {
    return new AuditFilter(actor, actionPrefix, targetContains, outcome, from, to);
  }

  public AuditFilter withActionPrefix(String actionPrefix) {
    return new AuditFilter(actor, actionPrefix, targetContains, outcome, from, to);
  }

  public AuditFilter withTargetContaining(String targetContains) {
    return new AuditFilter(actor, actionPrefix, targetContains, outcome, from, to);
  }

  public AuditFilter withOutcome(Outcome outcome) {
    return new AuditFilter(actor, actionPrefix, targetContains, outcome, from, to);
  }

  /** Records at or after {@code from} and before {@code to}; either may be null. */
  public AuditFilter between(Instant from, Instant to) {
    return new AuditFilter(actor, actionPrefix, targetContains, outcome, from, to);
  }

  /**
   * Whether an entry passes: what the log's queries decide (up to case folding beyond ASCII, which
   * the database may do its own way).
   */
  public boolean matches(AuditEntry entry) {
    return (actor == null || actor.equals(entry.actor()))
        && (actionPrefix == null || entry.action().startsWith(actionPrefix))
        && (targetContains == null
            || entry.target() != null
                && entry
                    .target()
                    .toLowerCase(Locale.ROOT)
                    .contains(targetContains.toLowerCase(Locale.ROOT)))
        && (outcome == null || outcome == entry.outcome())
        && (from == null || !entry.occurredAt().isBefore(from))
        && (to == null || entry.occurredAt().isBefore(to));
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
