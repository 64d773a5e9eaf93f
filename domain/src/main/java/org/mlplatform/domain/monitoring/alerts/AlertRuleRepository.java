package org.mlplatform.domain.monitoring.alerts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where alert rules are kept. Implementations join the caller's transaction when there is one, so a
 * rule and its audit record commit together. In the database a rule goes when its model is deleted,
 * and its alerts go with it. Lists are ordered by model, then creation time, then id.
 */
public interface AlertRuleRepository {

  /**
   * Stores a new rule.
   *
   * @throws org.mlplatform.domain.DomainValidationException naming {@code model} when no model has
   *     the rule's model name
   */
  void create(AlertRule rule);

  /**
   * Replaces the stored rule of the same id with {@code rule}, every field but the id. Alerts the
   * rule already raised keep what they recorded when they opened.
   *
   * @throws NoSuchAlertRuleException when no rule has the id
   * @throws org.mlplatform.domain.DomainValidationException naming {@code model} when no model has
   *     the rule's model name
   */
  void update(AlertRule rule);

  /** Deletes the rule and its alerts; false when there was no such rule. */
  boolean delete(UUID id);

  Optional<AlertRule> find(UUID id);

  /** The rules of one model, or of every model when {@code model} is empty. */
  List<AlertRule> list(Optional<String> model);

  /** Every enabled rule of every model: what the evaluator checks. */
  List<AlertRule> listEnabled();
}
