package org.mlplatform.domain.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PiiAccessTest {

  private static PlatformUser user(Role... roles) {
    return new PlatformUser("someone", null, Set.of(roles));
  }

  @Test
  void dataScientistsAndAdminsSeePersonalValues() {
    assertThat(PiiAccess.maySee(user(Role.DATA_SCIENTIST))).isTrue();
    assertThat(PiiAccess.maySee(user(Role.ADMIN))).isTrue();
    assertThat(PiiAccess.maySee(user(Role.VIEWER, Role.ADMIN))).isTrue();
  }

  @Test
  void viewersReviewersAndRolelessCallersSeeThemMasked() {
    assertThat(PiiAccess.maySee(user(Role.VIEWER))).isFalse();
    assertThat(PiiAccess.maySee(user(Role.REVIEWER))).isFalse();
    assertThat(PiiAccess.maySee(user(Role.VIEWER, Role.REVIEWER))).isFalse();
    assertThat(PiiAccess.maySee(user())).isFalse();
    assertThat(PiiAccess.maySee(null)).isFalse();
  }
}
