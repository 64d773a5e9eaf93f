package org.mlplatform.domain.monitoring.alerts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where alerts are kept. Implementations join the caller's transaction when there is one. A rule
 * has at most one unresolved (open or acknowledged) alert at a time, which holds under concurrency:
 * two evaluators that see the same breach raise one alert between them. Alerts go with their rule.
 */
public interface AlertRepository {

  /**
   * Stores {@code alert} unless its rule already has an unresolved alert.
   *
   * @param alert a new, unresolved alert
   * @return the stored alert, or empty when the rule already had an unresolved one (then {@link
   *     #unresolvedFor} gives it)
   * @throws NoSuchAlertRuleException when the alert's rule does not exist
   */
  Optional<Alert> openIfNone(Alert alert);

  /** The rule's open or acknowledged alert; empty when it has none. */
  Optional<Alert> unresolvedFor(UUID ruleId);

  /**
   * Stores the changes of {@code alert} (status, value, last seen, acknowledgement, resolution,
   * retraining process) if its stored status is still {@code expectedStatus}, the status it was
   * loaded in. What the alert copied from its rule when it opened never changes.
   *
   * @throws AlertTransitionException when the stored status is another: someone changed the alert
   *     meanwhile
   * @throws NoSuchAlertException when the alert is not stored (or went with its rule)
   */
  void update(Alert alert, AlertStatus expectedStatus);

  Optional<Alert> find(UUID id);

  /**
   * Alerts newest first (by opening time, then id).
   *
   * @param model only this model's alerts; all when empty
   * @param status only alerts in this status; all when empty
   * @param limit the most alerts to return, at least 1
   */
  List<Alert> list(Optional<String> model, Optional<AlertStatus> status, int limit);

  /** How many alerts are open or acknowledged, of one model or, when empty, of all. */
  long countUnresolved(Optional<String> model);
}
