package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.e2e.ModelApi.awaitJob;
import static org.mlplatform.e2e.ModelApi.object;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A batch prediction running when the platform is killed ({@code kill -9}) runs again from its
 * start when the platform comes back, and finishes with every row: the restarted node takes back
 * the jobs its previous run left, with the kept upload and the version pinned at the start.
 */
@ExtendWith(RunningPlatform.class)
class BatchRecoveryIT {

  private static final String RUN = Long.toString(System.nanoTime(), 36);
  private static final String VIEW = "br_stats_" + RUN;
  private static final String MODEL = "br_fraud_" + RUN;

  /** Enough rows that the batch is still running when the platform is killed. */
  private static final int ROWS = 2_500_000;

  @Test
  void aBatchRunningWhenThePlatformIsKilledFinishesAfterItsRestart() throws Exception {
    String alice = Http.accessToken("alice");
    String set =
        SyntheticCustomers.trainingSet("br_customer", "br_id", VIEW, 200, 200, 17, false, alice);
    ModelApi.trainLogisticRegression(RunningPlatform.BASE, MODEL, set, alice);

    HttpResponse<String> accepted =
        ModelApi.startBatch(
            RunningPlatform.BASE,
            MODEL + ":1",
            SyntheticCustomers.featureCsv(VIEW, ROWS, 3),
            alice);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String id = object(accepted).getString("id");
    // Polled closely, so that the kill comes mid-run.
    JsonObject running =
        ModelApi.awaitJobWhere(
            RunningPlatform.BASE,
            id,
            alice,
            j ->
                j.getJsonNumber("progress").doubleValue() > 0.02
                    || !j.getString("state").matches("QUEUED|RUNNING"));
    RunningPlatform.killAndStart();

    String token = Http.accessToken("alice");
    JsonObject done = awaitJob(id, token);
    assertThat(running.getString("state")).as(running.toString()).isEqualTo("RUNNING");
    assertThat(done.getInt("attempt")).as(done.toString()).isEqualTo(2);
    assertThat(done.getString("node")).isEqualTo(running.getString("node"));
    assertThat(done.getJsonObject("result").getInt("rows")).isEqualTo(ROWS);
    assertThat(done.getJsonObject("result").getInt("version")).isEqualTo(1);
    assertThat(ModelApi.batchResultRows(RunningPlatform.BASE, id, token).count()).isEqualTo(ROWS);
  }
}
