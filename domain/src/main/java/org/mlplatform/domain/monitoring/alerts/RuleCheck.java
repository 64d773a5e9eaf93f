package org.mlplatform.domain.monitoring.alerts;

import java.util.OptionalDouble;

/**
 * Whether an observed value breaches an {@link AlertRule}. Pure. A missing or non-finite value is
 * {@link RuleOutcome#UNKNOWN}, never a breach and never a clearing: a window without data neither
 * pages anyone nor closes a real problem. Whether the rule is enabled is the caller's business.
 */
public final class RuleCheck {

  private RuleCheck() {}

  public static RuleOutcome evaluate(AlertRule rule, OptionalDouble observed) {
    if (observed.isEmpty() || !Double.isFinite(observed.getAsDouble())) {
      return RuleOutcome.UNKNOWN;
    }
    return rule.comparison().breached(observed.getAsDouble(), rule.threshold())
        ? RuleOutcome.BREACHED
        : RuleOutcome.CLEAR;
  }
}
