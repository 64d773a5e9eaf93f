package org.mlplatform.portal.ui.monitoring;

import java.time.Duration;
import java.util.Optional;

/** The windows a model's monitoring page offers: the model's policy window, or a fixed one. */
enum MonitoringWindow {
  POLICY(null, "Policy window"),
  HOUR(Duration.ofHours(1), "Last 1 h"),
  DAY(Duration.ofHours(24), "Last 24 h"),
  WEEK(Duration.ofDays(7), "Last 7 days");

  private final Duration length;
  private final String label;

  MonitoringWindow(Duration length, String label) {
    this.length = length;
    this.label = label;
  }

  /** The fixed length; empty for the policy window, whose length is the model's. */
  Optional<Duration> length() {
    return Optional.ofNullable(length);
  }

  /** The label, with the policy window's length when it is known. */
  String label(Optional<Duration> policyLength) {
    return this == POLICY
        ? policyLength.map(l -> label + " (" + MonitoringText.window(l) + ")").orElse(label)
        : label;
  }
}
