package org.mlplatform.domain.monitoring.alerts;

import java.util.UUID;

/** No alert rule has the id asked for (never created, or deleted): REST answers 404. */
public class NoSuchAlertRuleException extends RuntimeException {

  private final UUID ruleId;

  public NoSuchAlertRuleException(UUID ruleId) {
    super("there is no alert rule " + ruleId);
    this.ruleId = ruleId;
  }

  public UUID ruleId() {
    return ruleId;
  }
}
