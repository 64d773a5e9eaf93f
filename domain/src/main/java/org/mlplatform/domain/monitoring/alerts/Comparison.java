package org.mlplatform.domain.monitoring.alerts;

import org.mlplatform.domain.DomainValidationException;

/**
 * On which side of its threshold a rule's metric is a problem. Strict: a value equal to the
 * threshold breaches neither way, so a threshold reads as the last acceptable value.
 */
public enum Comparison {
  /** A problem when the value is greater than the threshold (drift, missing values, latency). */
  ABOVE("above"),
  /** A problem when the value is less than the threshold (accuracy, volume). */
  BELOW("below");

  private final String key;

  Comparison(String key) {
    this.key = key;
  }

  /** The name in REST and JSON: {@code above} or {@code below}. */
  public String key() {
    return key;
  }

  /** Whether {@code value} is strictly on the wrong side of {@code threshold}. */
  public boolean breached(double value, double threshold) {
    return this == ABOVE ? value > threshold : value < threshold;
  }

  /**
   * The comparison with this key.
   *
   * @throws DomainValidationException naming {@code comparison}
   */
  public static Comparison fromKey(String key) {
    for (Comparison comparison : values()) {
      if (comparison.key.equals(key)) {
        return comparison;
      }
    }
    throw new DomainValidationException(
        "comparison", AlertTexts.quoted(key) + " is not a comparison; use above or below");
  }
}
