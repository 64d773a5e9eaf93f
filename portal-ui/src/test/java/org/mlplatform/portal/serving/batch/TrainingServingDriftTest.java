package org.mlplatform.portal.serving.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.monitoring.ColumnDriftResult;
import org.mlplatform.domain.monitoring.DriftMethod;
import org.mlplatform.domain.serving.PredictionRecord;

/** Training-set columns against logged inputs, as the promotion's drift check compares them. */
class TrainingServingDriftTest {

  private static ByteArrayInputStream trainingSet(int rows, long seed) {
    Random random = new Random(seed);
    StringBuilder csv =
        new StringBuilder("event_timestamp,customer_id,txn__amount,txn__count,label\n");
    for (int r = 0; r < rows; r++) {
      csv.append("2026-04-01T00:00:00Z,")
          .append(r)
          .append(',')
          .append(10 + random.nextGaussian())
          .append(',')
          .append(r % 7 == 0 ? "" : Double.toString(5 + random.nextGaussian()))
          .append(",ok\n");
    }
    return new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Predictions of two rows each, with amounts and counts around the given means. */
  private static List<PredictionRecord> served(int predictions, double amount, double count) {
    Random random = new Random(7);
    List<PredictionRecord> records = new ArrayList<>();
    for (int p = 0; p < predictions; p++) {
      String inputs =
          "{\"input\":[%s,%s,%s,\"NaN\"]}"
              .formatted(
                  amount + random.nextGaussian(),
                  count + random.nextGaussian(),
                  amount + random.nextGaussian());
      records.add(record(inputs));
    }
    records.add(record("{\"input\":[1,2,3]}")); // another width: left out
    records.add(record("{\"other\":[1,2]}")); // another input: left out
    return records;
  }

  private static PredictionRecord record(String inputs) {
    return new PredictionRecord(
        UUID.randomUUID(),
        Instant.parse("2026-11-28T10:00:00Z"),
        "fraud",
        3,
        PredictionRecord.PRIMARY,
        null,
        inputs,
        "{\"output\":[0.2,0.8]}",
        120);
  }

  @Test
  void trafficLikeTheTrainingDataDoesNotDrift() throws IOException {
    TrainingServingDrift.Comparison comparison =
        TrainingServingDrift.compare(
            TestVersions.classifier(), trainingSet(500, 1), served(200, 10, 5), 50_000);

    assertThat(comparison.servingRows()).isEqualTo(400);
    assertThat(comparison.drift().datasetDrifted()).isFalse();
    ColumnDriftResult amount = comparison.drift().column("txn__amount").orElseThrow();
    assertThat(amount.isComputed()).isTrue();
    assertThat(amount.method()).contains(DriftMethod.KOLMOGOROV_SMIRNOV);
    assertThat(amount.reference().rows()).isEqualTo(500);
    assertThat(amount.current().rows()).isEqualTo(400);
    ColumnDriftResult count = comparison.drift().column("txn__count").orElseThrow();
    assertThat(count.current().missing()).as("the logged NaN is a missing value").isEqualTo(200);
    assertThat(count.reference().missing()).as("empty training cells").isEqualTo(72);
  }

  @Test
  void shiftedTrafficDriftsOnEveryFeature() throws IOException {
    TrainingServingDrift.Comparison comparison =
        TrainingServingDrift.compare(
            TestVersions.classifier(), trainingSet(500, 1), served(200, 14, 9), 50_000);

    assertThat(comparison.drift().datasetDrifted()).isTrue();
    assertThat(comparison.drift().driftedColumns()).isEqualTo(2);
  }

  @Test
  void theReferenceIsCutAtTheRowLimit() throws IOException {
    TrainingServingDrift.Comparison comparison =
        TrainingServingDrift.compare(
            TestVersions.classifier(), trainingSet(500, 1), served(50, 10, 5), 120);

    assertThat(comparison.drift().column("txn__amount").orElseThrow().reference().rows())
        .isEqualTo(120);
  }

  @Test
  void noLoggedPredictionsMeansNoServingRows() throws IOException {
    TrainingServingDrift.Comparison comparison =
        TrainingServingDrift.compare(
            TestVersions.classifier(), trainingSet(100, 1), List.of(), 50_000);

    assertThat(comparison.servingRows()).isZero();
    assertThat(comparison.drift().datasetDrifted()).isFalse();
  }
}
