package org.mlplatform.domain.monitoring.alerts;

/** What a {@link RuleCheck} found. */
public enum RuleOutcome {
  /** The value is strictly beyond the threshold: open an alert, or mark the open one seen again. */
  BREACHED,
  /**
   * The value is acceptable: resolve the rule's unresolved alert, if any, as {@link Alert#SYSTEM}.
   */
  CLEAR,
  /** No value could be computed (no traffic, no labels yet): change nothing. */
  UNKNOWN
}
