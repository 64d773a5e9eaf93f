package org.mlplatform.domain.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlatformUserTest {

  @Test
  void mapsRealmRoleNamesAndDropsForeignOnes() {
    PlatformUser alice =
        PlatformUser.fromRoleNames(
            "alice",
            "Alice Archer",
            List.of("offline_access", "data-scientist", "uma_authorization"));

    assertThat(alice.roles()).containsExactly(Role.DATA_SCIENTIST);
    assertThat(alice.hasRole(Role.DATA_SCIENTIST)).isTrue();
    assertThat(alice.hasRole(Role.ADMIN)).isFalse();
  }

  @Test
  void roleNamesAreInAStableOrder() {
    PlatformUser carol =
        new PlatformUser("carol", "Carol", Set.of(Role.ADMIN, Role.VIEWER, Role.REVIEWER));

    assertThat(carol.roleNames()).containsExactly("viewer", "reviewer", "admin");
  }

  @Test
  void blankDisplayNameFallsBackToUsername() {
    assertThat(new PlatformUser("victor", " ", Set.of()).displayName()).isEqualTo("victor");
  }

  @Test
  void rejectsBlankUsername() {
    assertThatThrownBy(() -> new PlatformUser(" ", "x", Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("username");
  }

  @Test
  void rolesAreImmutable() {
    PlatformUser bob = new PlatformUser("bob", "Bob", Set.of(Role.REVIEWER));

    assertThatThrownBy(() -> bob.roles().add(Role.ADMIN))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
