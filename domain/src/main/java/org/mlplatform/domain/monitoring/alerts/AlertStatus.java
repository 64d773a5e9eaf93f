package org.mlplatform.domain.monitoring.alerts;

import java.util.Locale;
import org.mlplatform.domain.DomainValidationException;

/** Where an alert is in its life: open, then perhaps acknowledged, then resolved. */
public enum AlertStatus {
  /** Raised and nobody has taken it on yet. */
  OPEN,
  /** Someone is looking into it; the condition may still last. */
  ACKNOWLEDGED,
  /** Over, by a person or because the condition cleared by itself. Final. */
  RESOLVED;

  /** Whether the alert is still the rule's current one (open or acknowledged). */
  public boolean isUnresolved() {
    return this != RESOLVED;
  }

  /** The name in REST and JSON: {@code open}, {@code acknowledged} or {@code resolved}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The status with this key.
   *
   * @throws DomainValidationException naming {@code status}
   */
  public static AlertStatus fromKey(String key) {
    for (AlertStatus status : values()) {
      if (status.key().equals(key)) {
        return status;
      }
    }
    throw new DomainValidationException(
        "status",
        AlertTexts.quoted(key) + " is not an alert status; use open, acknowledged or resolved");
  }
}
