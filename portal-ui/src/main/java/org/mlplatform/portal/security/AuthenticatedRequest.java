package org.mlplatform.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;
import java.util.Optional;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.domain.security.Role;

/**
 * A request made by a verified user. Everything downstream (JAX-RS {@code SecurityContext},
 * Vaadin's access control, {@code @RolesAllowed}) asks the request for its principal and roles, so
 * this wrapper is the one place where identity enters the application.
 */
public final class AuthenticatedRequest extends HttpServletRequestWrapper {

  private static final String USER_ATTRIBUTE = AuthenticatedRequest.class.getName() + ".user";

  private final PlatformUser user;

  public AuthenticatedRequest(HttpServletRequest request, PlatformUser user) {
    super(request);
    this.user = user;
    request.setAttribute(USER_ATTRIBUTE, user);
  }

  /** The user a request was authenticated as, if it went through one of our filters. */
  public static Optional<PlatformUser> userOf(HttpServletRequest request) {
    return Optional.ofNullable((PlatformUser) request.getAttribute(USER_ATTRIBUTE));
  }

  @Override
  public Principal getUserPrincipal() {
    return user::username;
  }

  @Override
  public String getRemoteUser() {
    return user.username();
  }

  @Override
  public boolean isUserInRole(String role) {
    return Role.fromExternalName(role).map(user::hasRole).orElse(false);
  }

  @Override
  public String getAuthType() {
    return "OIDC";
  }
}
