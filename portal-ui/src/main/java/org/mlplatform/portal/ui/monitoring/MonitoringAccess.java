package org.mlplatform.portal.ui.monitoring;

import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.domain.security.Role;

/** Who may act on monitoring; everyone signed in may look. */
final class MonitoringAccess {

  private MonitoringAccess() {}

  /** Data scientists and admins add and delete alert rules. */
  static boolean canEditRules(PlatformUser user) {
    return user.hasRole(Role.DATA_SCIENTIST) || user.hasRole(Role.ADMIN);
  }

  /** Data scientists, admins and reviewers take an alert on. */
  static boolean canAcknowledge(PlatformUser user) {
    return canEditRules(user) || user.hasRole(Role.REVIEWER);
  }

  /** Data scientists and admins close an alert. */
  static boolean canResolve(PlatformUser user) {
    return canEditRules(user);
  }

  /** Data scientists and admins change a model's monitoring policy; the others read it. */
  static boolean canEditPolicy(PlatformUser user) {
    return canEditRules(user);
  }

  /** Data scientists and admins take a snapshot on demand. */
  static boolean canRefresh(PlatformUser user) {
    return canEditRules(user);
  }
}
