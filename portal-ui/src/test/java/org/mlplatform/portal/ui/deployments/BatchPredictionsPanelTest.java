package org.mlplatform.portal.ui.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mlplatform.portal.serving.batch.BatchPrediction;

class BatchPredictionsPanelTest {

  @Test
  void theNodeColumnNamesTheAttemptOnlyOnceAnotherNodeTookTheBatchOver() {
    assertThat(BatchPredictionsPanel.runsOn(batch("node-2", 1))).isEqualTo("node-2");
    assertThat(BatchPredictionsPanel.runsOn(batch("node-1", 2))).isEqualTo("node-1 (attempt 2)");
    assertThat(BatchPredictionsPanel.runsOn(batch(null, 1))).isEmpty();
  }

  private static BatchPrediction batch(String node, int attempt) {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    return new BatchPrediction(
        "b", "b", "RUNNING", 0.5, "", "fraud", 1, "fraud:1", "upload", null, null, null, "alice",
        now, now, node, attempt);
  }
}
