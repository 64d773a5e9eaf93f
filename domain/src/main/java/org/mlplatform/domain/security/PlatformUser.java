package org.mlplatform.domain.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An authenticated person or client as the platform sees it: a stable user name, a name to show and
 * the platform roles granted by the identity provider.
 */
public record PlatformUser(String username, String displayName, Set<Role> roles) {

  public PlatformUser {
    Objects.requireNonNull(username, "username");
    if (username.isBlank()) {
      throw new IllegalArgumentException("username must not be blank");
    }
    displayName = displayName == null || displayName.isBlank() ? username : displayName;
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  /**
   * Builds a user from the role names an identity provider granted; names that are not platform
   * roles (Keycloak's {@code offline_access}, say) are dropped.
   */
  public static PlatformUser fromRoleNames(
      String username, String displayName, Collection<String> roleNames) {
    Set<Role> roles =
        roleNames.stream()
            .map(Role::fromExternalName)
            .flatMap(Optional::stream)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    return new PlatformUser(username, displayName, roles);
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }

  /** Role names in a stable order, as shown to users and written to the audit log. */
  public List<String> roleNames() {
    return roles.stream().sorted().map(Role::externalName).toList();
  }
}
