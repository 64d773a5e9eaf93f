package org.mlplatform.domain.monitoring.alerts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.mlplatform.domain.DomainValidationException;

/**
 * A breach of an {@link AlertRule} and what people did about it. It copies what the rule said when
 * it opened (model, feature, metric, severity, threshold), so a later edit of the rule does not
 * rewrite history. Immutable: every change returns a new alert, which the caller stores with {@link
 * AlertRepository#update}. Times are kept to the microsecond, as the database keeps them.
 *
 * <p>The status and the "by/at" fields always agree: an open alert has neither acknowledgement nor
 * resolution, an acknowledged one has an acknowledgement, a resolved one a resolution (and an
 * acknowledgement only if someone gave one before).
 *
 * @param value the metric's latest observed value that breached the threshold
 * @param message what happened, in words, for the alert list and notifications
 * @param lastSeenAt when the breach was last observed; {@code openedAt} until it is seen again
 * @param resolvedBy who resolved the alert; {@link #SYSTEM} when the condition cleared by itself
 * @param retrainingProcessId the retraining process the alert started, when its rule starts one
 */
public record Alert(
    UUID id,
    UUID ruleId,
    String model,
    Optional<String> feature,
    MonitoredMetric metric,
    AlertSeverity severity,
    AlertStatus status,
    double value,
    double threshold,
    String message,
    Instant openedAt,
    Instant lastSeenAt,
    Optional<String> acknowledgedBy,
    Optional<Instant> acknowledgedAt,
    Optional<String> resolvedBy,
    Optional<Instant> resolvedAt,
    Optional<String> retrainingProcessId) {

  /** The actor that resolves an alert whose condition cleared without anyone acting. */
  public static final String SYSTEM = "system";

  public Alert {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ruleId, "ruleId");
    model = AlertTexts.model(model);
    Objects.requireNonNull(metric, "metric");
    feature = AlertTexts.feature(metric, feature);
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(status, "status");
    value = AlertTexts.finite("value", value);
    threshold = AlertTexts.finite("threshold", threshold);
    message = AlertTexts.required("message", message, AlertTexts.MESSAGE_MAX);
    openedAt = micros(Objects.requireNonNull(openedAt, "openedAt"));
    lastSeenAt = micros(Objects.requireNonNull(lastSeenAt, "lastSeenAt"));
    acknowledgedBy = person("acknowledgedBy", acknowledgedBy);
    acknowledgedAt = optional(acknowledgedAt).map(Alert::micros);
    resolvedBy = person("resolvedBy", resolvedBy);
    resolvedAt = optional(resolvedAt).map(Alert::micros);
    retrainingProcessId =
        optional(retrainingProcessId)
            .map(
                process ->
                    AlertTexts.line("retrainingProcessId", process, AlertTexts.PROCESS_ID_MAX));
    bothOrNeither("acknowledged", acknowledgedBy, acknowledgedAt);
    bothOrNeither("resolved", resolvedBy, resolvedAt);
    agreeWithStatus(status, acknowledgedBy.isPresent(), resolvedBy.isPresent());
  }

  /** A new open alert of {@code rule}, which {@code value} breached at {@code at}. */
  public static Alert open(AlertRule rule, double value, String message, Instant at) {
    return new Alert(
        UUID.randomUUID(),
        rule.id(),
        rule.model(),
        rule.feature(),
        rule.metric(),
        rule.severity(),
        AlertStatus.OPEN,
        value,
        rule.threshold(),
        message,
        at,
        at,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * This alert taken on by {@code actor}.
   *
   * @throws AlertTransitionException unless the alert is open
   */
  public Alert acknowledge(String actor, Instant at) {
    if (status != AlertStatus.OPEN) {
      throw refused(AlertStatus.ACKNOWLEDGED);
    }
    return with(
        AlertStatus.ACKNOWLEDGED,
        value,
        lastSeenAt,
        Optional.of(AlertTexts.line("acknowledgedBy", actor, AlertTexts.PERSON_MAX)),
        Optional.of(at),
        resolvedBy,
        resolvedAt,
        retrainingProcessId);
  }

  /**
   * This alert over: resolved by {@code actor}, or by {@link #SYSTEM} when its condition cleared.
   *
   * @throws AlertTransitionException when the alert is already resolved
   */
  public Alert resolve(String actor, Instant at) {
    if (status == AlertStatus.RESOLVED) {
      throw refused(AlertStatus.RESOLVED);
    }
    return with(
        AlertStatus.RESOLVED,
        value,
        lastSeenAt,
        acknowledgedBy,
        acknowledgedAt,
        Optional.of(AlertTexts.line("resolvedBy", actor, AlertTexts.PERSON_MAX)),
        Optional.of(at),
        retrainingProcessId);
  }

  /**
   * This alert with its condition observed again, at {@code value}.
   *
   * @throws AlertTransitionException when the alert is resolved: a new breach opens a new alert
   */
  public Alert seenAgain(double newValue, Instant at) {
    if (status == AlertStatus.RESOLVED) {
      throw new AlertTransitionException(
          "alert " + id + " is already resolved; a new breach opens a new alert");
    }
    return with(
        status,
        newValue,
        Objects.requireNonNull(at, "at"),
        acknowledgedBy,
        acknowledgedAt,
        resolvedBy,
        resolvedAt,
        retrainingProcessId);
  }

  /** This alert with the retraining process it started, replacing any recorded earlier. */
  public Alert withRetraining(String processId) {
    String process = AlertTexts.line("retrainingProcessId", processId, AlertTexts.PROCESS_ID_MAX);
    return with(
        status,
        value,
        lastSeenAt,
        acknowledgedBy,
        acknowledgedAt,
        resolvedBy,
        resolvedAt,
        Optional.of(process));
  }

  private Alert with(
      AlertStatus newStatus,
      double newValue,
      Instant newLastSeenAt,
      Optional<String> newAcknowledgedBy,
      Optional<Instant> newAcknowledgedAt,
      Optional<String> newResolvedBy,
      Optional<Instant> newResolvedAt,
      Optional<String> newRetrainingProcessId) {
    return new Alert(
        id,
        ruleId,
        model,
        feature,
        metric,
        severity,
        newStatus,
        newValue,
        threshold,
        message,
        openedAt,
        newLastSeenAt,
        newAcknowledgedBy,
        newAcknowledgedAt,
        newResolvedBy,
        newResolvedAt,
        newRetrainingProcessId);
  }

  private AlertTransitionException refused(AlertStatus wanted) {
    String already = "alert " + id + " is already " + status.key();
    return new AlertTransitionException(
        status == wanted ? already : already + "; it cannot be " + wanted.key());
  }

  private static void bothOrNeither(String what, Optional<String> by, Optional<Instant> at) {
    if (by.isPresent() != at.isPresent()) {
      throw new DomainValidationException(
          what + "At", what + "By and " + what + "At go together: give both or neither");
    }
  }

  /**
   * An acknowledged alert says who acknowledged it, a resolved one who resolved it; an open one has
   * neither. A resolved alert keeps its acknowledgement, if it had one, as history.
   */
  private static void agreeWithStatus(AlertStatus status, boolean acknowledged, boolean resolved) {
    if (status == AlertStatus.ACKNOWLEDGED && !acknowledged) {
      throw new DomainValidationException(
          "acknowledgedBy", "an acknowledged alert says who acknowledged it and when");
    }
    if (status == AlertStatus.OPEN && acknowledged) {
      throw new DomainValidationException(
          "acknowledgedBy", "an open alert has not been acknowledged");
    }
    if (status == AlertStatus.RESOLVED && !resolved) {
      throw new DomainValidationException(
          "resolvedBy", "a resolved alert says who resolved it and when");
    }
    if (status != AlertStatus.RESOLVED && resolved) {
      throw new DomainValidationException(
          "resolvedBy", "an " + status.key() + " alert has not been resolved");
    }
  }

  private static Optional<String> person(String field, Optional<String> person) {
    return optional(person).map(name -> AlertTexts.line(field, name, AlertTexts.PERSON_MAX));
  }

  private static <T> Optional<T> optional(Optional<T> value) {
    return value == null ? Optional.empty() : value;
  }

  private static Instant micros(Instant at) {
    return at.truncatedTo(ChronoUnit.MICROS);
  }
}
