package org.mlplatform.workflows.retraining;

import java.util.Locale;

/** What started a retraining. */
public enum RetrainingTrigger {
  /** A monitoring alert asked for it. */
  ALERT,
  /** The model's policy schedules it. */
  SCHEDULE,
  /** Someone asked for it. */
  MANUAL;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RetrainingTrigger of(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
