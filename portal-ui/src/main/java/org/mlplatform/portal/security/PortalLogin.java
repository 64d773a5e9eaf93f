package org.mlplatform.portal.security;

import java.io.Serializable;
import java.util.List;
import org.mlplatform.domain.security.PlatformUser;

/**
 * A portal user's login, kept in the HTTP session. The ID token is kept only as the hint for the
 * provider's logout endpoint.
 */
public record PortalLogin(
    String username, String displayName, List<String> roleNames, String idToken)
    implements Serializable {

  public static final String SESSION_ATTRIBUTE = PortalLogin.class.getName();

  public static PortalLogin of(PlatformUser user, String idToken) {
    return new PortalLogin(user.username(), user.displayName(), user.roleNames(), idToken);
  }

  public PlatformUser user() {
    return PlatformUser.fromRoleNames(username, displayName, roleNames);
  }
}
