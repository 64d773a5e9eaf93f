package org.mlplatform.portal.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mlplatform.domain.serving.CanaryEvidence;
import org.mlplatform.portal.promotion.PlatformDeploymentActions.CanaryStart;

class CanaryStartTest {

  @Test
  void aCanaryStartReadsBackAsItWasWrittenOnAnotherNode() {
    CanaryStart start =
        new CanaryStart(
            3, new CanaryEvidence(12_345, 6, 987_654_321L), new CanaryEvidence(0, 0, 0));

    assertThat(CanaryStart.decode(start.encode())).isEqualTo(start);
  }
}
