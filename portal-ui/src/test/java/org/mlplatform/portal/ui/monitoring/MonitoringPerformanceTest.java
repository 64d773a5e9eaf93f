package org.mlplatform.portal.ui.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MonitoringPerformanceTest {

  @Test
  void everyMetricOfEitherSideByName() {
    var rows =
        PerformanceRow.of(
            MonitoringFixtures.performance(
                Map.of("accuracy", 0.9, "f1", 0.7), Map.of("accuracy", 0.95, "auc", 0.88)));

    assertThat(rows).extracting(PerformanceRow::metric).containsExactly("accuracy", "auc", "f1");
    assertThat(rows.getFirst().change().getAsDouble()).isCloseTo(-0.05, within(1e-9));
    assertThat(rows.get(1).current()).isEmpty();
    assertThat(rows.get(1).change()).isEmpty();
    assertThat(rows.get(2).heldOut()).isEmpty();
  }

  @Test
  void withoutGroundTruthTheReasonSaysWhereItGoes() {
    String reason =
        PerformancePanel.reason(
            "fraud", MonitoringFixtures.performance(Map.of(), Map.of("accuracy", 0.9)));

    assertThat(reason)
        .isEqualTo(
            "No ground truth in this window. Ground truth is sent with POST"
                + " /api/v1/models/fraud/feedback.");
  }
}
