package org.mlplatform.portal.ui.monitoring;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import org.mlplatform.domain.monitoring.alerts.AlertSeverity;
import org.mlplatform.domain.monitoring.alerts.AlertStatus;

/** The small coloured labels of the monitoring pages. */
final class MonitoringBadges {

  private MonitoringBadges() {}

  /** Drifted (red), no drift (green), or not computable (plain). */
  static Badge drift(boolean computed, boolean drifted) {
    Badge badge = new Badge(!computed ? "not computable" : drifted ? "drifted" : "no drift");
    badge.addClassName("monitoring-drift-badge");
    if (computed) {
      badge.addThemeVariants(drifted ? BadgeVariant.ERROR : BadgeVariant.SUCCESS);
    } else {
      badge.addThemeVariants(BadgeVariant.CONTRAST);
    }
    return badge;
  }

  /** Yes (red) or no (green) for a data set's drift verdict. */
  static Badge verdict(boolean drifted) {
    Badge badge = new Badge(drifted ? "yes" : "no");
    badge.addThemeVariants(drifted ? BadgeVariant.ERROR : BadgeVariant.SUCCESS);
    return badge;
  }

  /** Open (red), acknowledged (amber), resolved (green). */
  static Badge status(AlertStatus status) {
    Badge badge = new Badge(status.key());
    badge.addClassName("monitoring-alert-status");
    badge.addThemeVariants(
        switch (status) {
          case OPEN -> BadgeVariant.ERROR;
          case ACKNOWLEDGED -> BadgeVariant.WARNING;
          case RESOLVED -> BadgeVariant.SUCCESS;
        });
    return badge;
  }

  /** Critical (filled red), warning (amber), info (plain). */
  static Badge severity(AlertSeverity severity) {
    Badge badge = new Badge(severity.key());
    badge.addClassName("monitoring-alert-severity");
    switch (severity) {
      case CRITICAL -> badge.addThemeVariants(BadgeVariant.ERROR, BadgeVariant.FILLED);
      case WARNING -> badge.addThemeVariants(BadgeVariant.WARNING);
      case INFO -> badge.addThemeVariants(BadgeVariant.CONTRAST);
    }
    return badge;
  }
}
