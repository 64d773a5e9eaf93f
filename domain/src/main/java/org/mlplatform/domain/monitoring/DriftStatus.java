package org.mlplatform.domain.monitoring;

/** Whether a column's drift statistic could be computed. */
public enum DriftStatus {
  COMPUTED,
  /** The data gives no defined statistic (for example an empty column); the result says why. */
  NOT_COMPUTABLE
}
