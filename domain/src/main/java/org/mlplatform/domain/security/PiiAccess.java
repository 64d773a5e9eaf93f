package org.mlplatform.domain.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may see the values of personal data (features of a view tagged {@code pii}): data scientists
 * and admins, who work with the data under their own accountability. Viewers and reviewers judge
 * models and deployments from aggregates, so they see such values masked.
 */
public final class PiiAccess {

  /** What a portal page shows instead of a masked value. */
  public static final String MASK = "•••";

  private static final Set<Role> ALLOWED = EnumSet.of(Role.DATA_SCIENTIST, Role.ADMIN);

  private PiiAccess() {}

  /** Whether this user may see personal values in clear. */
  public static boolean maySee(PlatformUser user) {
    return user != null && user.roles().stream().anyMatch(ALLOWED::contains);
  }

  /** The roles that may see personal values, by external name (for error messages). */
  public static String allowedRoles() {
    return Role.DATA_SCIENTIST.externalName() + " or " + Role.ADMIN.externalName();
  }
}
