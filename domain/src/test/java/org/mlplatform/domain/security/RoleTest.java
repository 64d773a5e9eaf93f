package org.mlplatform.domain.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleTest {

  @Test
  void externalNamesRoundTrip() {
    for (Role role : Role.values()) {
      assertThat(Role.fromExternalName(role.externalName())).contains(role);
    }
  }

  @Test
  void unknownNameIsEmpty() {
    assertThat(Role.fromExternalName("DATA_SCIENTIST")).isEmpty();
    assertThat(Role.fromExternalName("root")).isEmpty();
  }
}
