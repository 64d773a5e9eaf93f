package org.mlplatform.domain.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The platform's roles. Their external names are the realm role names in the identity provider, so
 * a token's {@code realm_access.roles} maps onto them one to one.
 */
public enum Role {
  VIEWER("viewer"),
  DATA_SCIENTIST("data-scientist"),
  REVIEWER("reviewer"),
  ADMIN("admin");

  private final String externalName;

  Role(String externalName) {
    this.externalName = externalName;
  }

  /** The name used in tokens, in {@code @RolesAllowed} and in the identity provider's realm. */
  public String externalName() {
    return externalName;
  }

  /**
   * The role with this external name; identity providers add roles of their own, hence Optional.
   */
  public static Optional<Role> fromExternalName(String name) {
    return Arrays.stream(values()).filter(r -> r.externalName.equals(name)).findFirst();
  }
}
