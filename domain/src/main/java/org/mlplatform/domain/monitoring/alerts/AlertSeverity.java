package org.mlplatform.domain.monitoring.alerts;

import java.util.Locale;
import org.mlplatform.domain.DomainValidationException;

/** How urgent an alert of a rule is, least urgent first. */
public enum AlertSeverity {
  INFO,
  WARNING,
  CRITICAL;

  /** The name in REST and JSON: {@code info}, {@code warning} or {@code critical}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The severity with this key.
   *
   * @throws DomainValidationException naming {@code severity}
   */
  public static AlertSeverity fromKey(String key) {
    for (AlertSeverity severity : values()) {
      if (severity.key().equals(key)) {
        return severity;
      }
    }
    throw new DomainValidationException(
        "severity", AlertTexts.quoted(key) + " is not a severity; use info, warning or critical");
  }
}
