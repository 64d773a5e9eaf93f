package org.mlplatform.domain.monitoring.quality;

/** Whether a data quality result could be computed. */
public enum QualityStatus {
  COMPUTED,
  /** The data gives no defined value (for example no current rows); the result says why. */
  NOT_COMPUTABLE
}
