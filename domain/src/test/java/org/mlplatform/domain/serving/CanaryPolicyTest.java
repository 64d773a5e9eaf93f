package org.mlplatform.domain.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CanaryPolicyTest {

  private static final CanaryPolicy POLICY = new CanaryPolicy(20, 0.01, 3.0);
  private static final CanaryEvidence CHAMPION = new CanaryEvidence(1_000, 5, 1_000_000_000L);

  @Test
  void aHealthyCanaryRollsOutWithItsFigures() {
    var verdict = POLICY.judge(new CanaryEvidence(100, 1, 150_000_000L), CHAMPION);

    assertThat(verdict.rollOut()).isTrue();
    assertThat(verdict.reason()).contains("canary 100 requests, 1.00% errors, 1.52 ms mean");
  }

  @Test
  void tooLittleTrafficRollsBack() {
    var verdict = POLICY.judge(new CanaryEvidence(19, 0, 19_000_000L), CHAMPION);

    assertThat(verdict.rollOut()).isFalse();
    assertThat(verdict.reason()).startsWith("too little traffic").contains("at least 20");
  }

  @Test
  void errorsAboveTheChampionsByMoreThanTheMarginRollBack() {
    // champion 0.5%; 1.5% is exactly at the margin, 1.6% is over it
    assertThat(POLICY.judge(new CanaryEvidence(1_000, 15, 0), CHAMPION).rollOut()).isTrue();
    assertThat(POLICY.judge(new CanaryEvidence(1_000, 16, 0), CHAMPION).rollOut()).isFalse();
  }

  @Test
  void aMuchSlowerCanaryRollsBack() {
    // champion 1.005 ms mean over 995 answered requests; 3.1 ms is over three times that
    var verdict = POLICY.judge(new CanaryEvidence(100, 0, 310_000_000L), CHAMPION);

    assertThat(verdict.rollOut()).isFalse();
    assertThat(verdict.reason()).contains("slower");
  }

  @Test
  void evidenceIsCountedFromASnapshot() {
    CanaryEvidence before = new CanaryEvidence(10, 1, 10_000_000L);
    CanaryEvidence after = new CanaryEvidence(110, 3, 120_000_000L);

    assertThat(after.since(before)).isEqualTo(new CanaryEvidence(100, 2, 110_000_000L));
    assertThat(before.since(after)).isEqualTo(new CanaryEvidence(0, 0, 0));
  }

  @Test
  void nonsenseIsRefused() {
    assertThatThrownBy(() -> new CanaryPolicy(0, 0.01, 3)).hasMessageContaining("minRequests");
    assertThatThrownBy(() -> new CanaryPolicy(1, 2, 3))
        .hasMessageContaining("maxErrorRateIncrease");
    assertThatThrownBy(() -> new CanaryPolicy(1, 0, 0.5)).hasMessageContaining("maxLatencyRatio");
    assertThatThrownBy(() -> new CanaryEvidence(1, 2, 0)).hasMessageContaining("errors");
  }
}
