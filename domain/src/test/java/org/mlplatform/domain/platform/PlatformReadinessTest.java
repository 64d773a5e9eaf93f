package org.mlplatform.domain.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlatformReadinessTest {

  @Test
  void notReadyUntilEveryComponentIsUp() {
    PlatformReadiness readiness = new PlatformReadiness();

    for (Component c : Component.values()) {
      assertThat(readiness.isReady()).isFalse();
      readiness.markUp(c, "ok");
    }

    assertThat(readiness.isReady()).isTrue();
  }

  @Test
  void aFailureKeepsItNotReadyAndIsReported() {
    PlatformReadiness readiness = new PlatformReadiness();
    for (Component c : Component.values()) {
      readiness.markUp(c, "ok");
    }

    readiness.markFailed(Component.SEARCH_INDEX, "index folder is not writable");

    assertThat(readiness.isReady()).isFalse();
    assertThat(readiness.firstFailure()).contains(Component.SEARCH_INDEX);
    assertThat(readiness.snapshot().get(Component.SEARCH_INDEX).detail())
        .isEqualTo("index folder is not writable");
  }
}
