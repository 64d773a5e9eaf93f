package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.e2e.ModelApi.awaitJob;
import static org.mlplatform.e2e.ModelApi.object;
import static org.mlplatform.e2e.ModelApi.strings;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Batch predictions end to end: a model trained on a feature-store training set runs over that
 * training set as a job; the result CSV has a row per training row with the keys copied through,
 * and every row's probabilities are what the deployed model answers over the Open Inference
 * Protocol for the same features (imputed ones included). An uploaded CSV runs too; bad requests
 * are refused before any job starts, and a bad row fails the job naming the row.
 */
@ExtendWith(RunningPlatform.class)
class BatchPredictionsIT {

  private static final String RUN = Long.toString(System.nanoTime(), 36);
  private static final String VIEW = "bp_stats_" + RUN;
  private static final String MODEL = "bp_fraud_" + RUN;

  /** Entities with feature rows; the training set also asks for a few more, whose are imputed. */
  private static final int WITH_FEATURES = 150;

  private static final int ROWS = 160;

  private static String alice;
  private static String trainingSetId;
  private static List<String> labels;

  @BeforeAll
  static void trainAndDeploy() throws Exception {
    alice = Http.accessToken("alice");
    trainingSetId =
        SyntheticCustomers.trainingSet(
            "bp_customer", "bp_id", VIEW, ROWS, WITH_FEATURES, 13, false, alice);
    ModelApi.trainLogisticRegression(RunningPlatform.BASE, MODEL, trainingSetId, alice);
    labels =
        strings(
            object(Http.get("/api/v1/models/" + MODEL + "/versions/1", alice))
                .getJsonObject("lineage")
                .getJsonArray("labels"));

    HttpResponse<String> alias =
        Http.json("PUT", "/api/v1/models/" + MODEL + "/aliases/live", alice, "{\"version\":1}");
    assertThat(alias.statusCode()).as(alias.body()).isEqualTo(200);
    HttpResponse<String> deployed =
        Http.json("PUT", "/api/v1/deployments/" + MODEL, alice, "{\"alias\":\"live\"}");
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
  }

  @Test
  void aTrainingSetRunsAsAJobAndEveryRowMatchesTheServedModel() throws Exception {
    HttpResponse<String> accepted =
        Http.json(
            "POST",
            "/api/v1/batch-predictions",
            alice,
            "{\"model\":\"%s@live\",\"trainingSetId\":\"%s\"}".formatted(MODEL, trainingSetId));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String id = object(accepted).getString("id");
    assertThat(object(accepted).getString("jobId")).isEqualTo(id);
    JsonObject result = awaitJob(id, alice).getJsonObject("result");
    assertThat(result.getString("id")).isEqualTo(id);
    assertThat(result.getString("model")).isEqualTo(MODEL);
    assertThat(result.getInt("version")).isEqualTo(1);
    assertThat(result.getInt("rows")).isEqualTo(ROWS);
    assertThat(result.getString("resultUrl"))
        .isEqualTo("/api/v1/batch-predictions/" + id + "/result");

    JsonObject status = object(Http.get("/api/v1/batch-predictions/" + id, alice));
    assertThat(status.getString("state")).isEqualTo("SUCCEEDED");
    assertThat(status.getInt("rows")).isEqualTo(ROWS);
    assertThat(status.getString("reference")).isEqualTo(MODEL + "@live");
    assertThat(status.getString("input")).isEqualTo("training-set:" + trainingSetId);
    JsonArray recent =
        (JsonArray)
            Http.json(Http.get("/api/v1/batch-predictions", Http.accessToken("victor")).body());
    assertThat(recent.getValuesAs(JsonObject.class))
        .anySatisfy(b -> assertThat(b.getString("id")).isEqualTo(id));

    HttpResponse<String> download = Http.get(result.getString("resultUrl"), alice);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    List<String[]> output = csv(download.body());
    List<String> header = Arrays.asList(output.getFirst());
    // The same rows' features, as the training set holds them, through the served model.
    List<String[]> input =
        csv(Http.get("/api/v1/training-sets/" + trainingSetId + "/data", alice).body());
    List<String> inputHeader = Arrays.asList(input.getFirst());
    List<String> expectedHeader = new ArrayList<>(inputHeader);
    expectedHeader.removeAll(List.of(VIEW + "__x1", VIEW + "__x2"));
    assertThat(expectedHeader).containsExactlyInAnyOrder("bp_id", "event_timestamp", "label");
    expectedHeader.add("prediction");
    labels.forEach(l -> expectedHeader.add("probability_" + l));
    expectedHeader.add("imputed");
    assertThat(header).containsExactlyElementsOf(expectedHeader);
    assertThat(output).hasSize(ROWS + 1);

    JsonObject imputation =
        object(Http.get("/api/v1/models/" + MODEL + "/versions/1", alice))
            .getJsonObject("hyperparameters");
    float[][] features = new float[ROWS][2];
    for (int r = 0; r < ROWS; r++) {
      String[] row = input.get(r + 1);
      for (int f = 0; f < 2; f++) {
        String column = VIEW + "__x" + (f + 1);
        String cell = row[inputHeader.indexOf(column)];
        features[r][f] =
            Float.parseFloat(cell.isEmpty() ? imputation.getString("imputation." + column) : cell);
      }
    }
    float[] served = infer(features);
    int imputedRows = 0;
    for (int r = 0; r < ROWS; r++) {
      String[] row = output.get(r + 1);
      String key = row[header.indexOf("bp_id")];
      assertThat(key).isEqualTo(input.get(r + 1)[inputHeader.indexOf("bp_id")]);
      assertThat(row[header.indexOf("label")])
          .isEqualTo(input.get(r + 1)[inputHeader.indexOf("label")]);
      int best = 0;
      for (int k = 0; k < labels.size(); k++) {
        float probability = Float.parseFloat(row[header.indexOf("probability_" + labels.get(k))]);
        assertThat(probability)
            .as("row %d, %s", r + 1, labels.get(k))
            .isCloseTo(served[r * labels.size() + k], Offset.offset(1e-6f));
        best = served[r * labels.size() + k] > served[r * labels.size() + best] ? k : best;
      }
      assertThat(row[header.indexOf("prediction")]).isEqualTo(labels.get(best));
      String imputed = row[header.indexOf("imputed")];
      if (Integer.parseInt(key) > WITH_FEATURES) {
        assertThat(imputed).isEqualTo(VIEW + ":x1;" + VIEW + ":x2");
        imputedRows++;
      } else {
        assertThat(imputed).isEmpty();
      }
    }
    assertThat(imputedRows).isEqualTo(ROWS - WITH_FEATURES);
  }

  @Test
  void anUploadedCsvRunsWithItsOtherColumnsCopied() throws Exception {
    String body = "ref," + VIEW + ":x1," + VIEW + "__x2,note\nA,0.5,-1.25,\"a, b\"\nB,,0.75,\n";
    HttpResponse<String> accepted = uploadCsv(MODEL + ":1", body);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String id = object(accepted).getString("id");
    awaitJob(id, alice);

    List<String[]> output =
        csv(Http.get("/api/v1/batch-predictions/" + id + "/result", alice).body());
    assertThat(output.getFirst()).startsWith("ref", "note", "prediction");
    assertThat(output).hasSize(3);
    float[] served = infer(new float[][] {{0.5f, -1.25f}});
    List<String> header = Arrays.asList(output.getFirst());
    for (int k = 0; k < labels.size(); k++) {
      assertThat(Float.parseFloat(output.get(1)[header.indexOf("probability_" + labels.get(k))]))
          .isCloseTo(served[k], Offset.offset(1e-6f));
    }
    assertThat(output.get(2)[0]).isEqualTo("B");
    assertThat(output.get(2)[header.indexOf("imputed")]).isEqualTo(VIEW + ":x1");
    JsonObject status = object(Http.get("/api/v1/batch-predictions/" + id, alice));
    assertThat(status.getString("input")).isEqualTo("upload");
  }

  @Test
  void badRequestsAreRefusedBeforeAJobStarts() {
    assertError(start("no_such_model_" + RUN, trainingSetId), 404, "no_such_model_" + RUN, null);
    assertError(start(MODEL + "@nowhere", trainingSetId), 404, "nowhere", null);
    assertError(start(MODEL + ":7", trainingSetId), 404, "7", null);
    assertError(start("Not A Name", trainingSetId), 400, "name", "model");
    assertError(start(MODEL + ":1", "not-a-uuid"), 400, "UUID", "trainingSetId");
    assertError(start(MODEL + ":1", UUID.randomUUID().toString()), 404, "training set", null);
    assertError(start(MODEL + ":1", null), 400, "training set", "trainingSetId");
    assertError(uploadCsv(MODEL + ":1", "ref," + VIEW + "__x1\nA,1\n"), 400, VIEW + "__x2", "csv");
    assertError(uploadCsv(null, "a,b\n1,2\n"), 400, "model", "model");

    HttpResponse<String> viewer =
        Http.json(
            "POST",
            "/api/v1/batch-predictions",
            Http.accessToken("victor"),
            "{\"model\":\"%s:1\",\"trainingSetId\":\"%s\"}".formatted(MODEL, trainingSetId));
    assertThat(viewer.statusCode()).isEqualTo(403);
    assertThat(Http.get("/api/v1/batch-predictions/" + UUID.randomUUID(), alice).statusCode())
        .isEqualTo(404);
    assertThat(
            Http.get("/api/v1/batch-predictions/" + UUID.randomUUID() + "/result", alice)
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void aRowTheModelCannotTakeFailsTheJobNamingTheRow() throws Exception {
    HttpResponse<String> accepted =
        uploadCsv(MODEL + ":1", "ref," + VIEW + "__x1," + VIEW + "__x2\nA,1,2\nB,1,two\n");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String id = object(accepted).getString("id");
    JsonObject job = awaitFinished(id);
    assertThat(job.getString("state")).isEqualTo("FAILED");
    assertThat(job.getString("error")).contains("row 2").contains("'two'").contains(VIEW + "__x2");
    HttpResponse<String> result = Http.get("/api/v1/batch-predictions/" + id + "/result", alice);
    assertThat(result.statusCode()).isEqualTo(409);
    assertThat(object(result).getString("error")).contains("FAILED");
  }

  /** The Deployments page starts a batch on a training set and offers its result for download. */
  @Test
  void theDeploymentsPageStartsABatchAndOffersTheResult() {
    try (Browser browser = new Browser()) {
      browser.driver.get(RunningPlatform.BASE + "/deployments");
      KeycloakLoginPage.expect(browser).logInAs("alice").waitForText("Batch predictions");
      browser
          .waitUpTo(30)
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("batch-model")))
          .findElement(By.cssSelector("input"))
          .sendKeys(MODEL + ":1");
      browser
          .driver
          .findElement(By.id("batch-training-set"))
          .findElement(By.cssSelector("input"))
          .sendKeys(trainingSetId);
      By downloads = By.cssSelector("#batch-grid [id^='batch-download-']");
      int before = browser.driver.findElements(downloads).size();
      browser.driver.findElement(By.id("batch-start")).click();
      // Other tests' batches may be listed already: wait for one more finished batch.
      browser
          .waitUpTo(60)
          .until(ExpectedConditions.numberOfElementsToBeMoreThan(downloads, before));
      assertThat(browser.driver.findElement(By.id("batch-grid")).getText())
          .contains(MODEL + ":1")
          .contains("SUCCEEDED");
      assertThat(browser.driver.findElement(By.id("batch-error")).getText()).isEmpty();
      browser.screenshot("batch-predictions");

      browser
          .driver
          .findElement(By.id("batch-training-set"))
          .findElement(By.cssSelector("input"))
          .sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      browser.driver.findElement(By.id("batch-start")).click();
      browser
          .waitUpTo(10)
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("batch-error"), "training set"));
    }
  }

  private static HttpResponse<String> start(String model, String trainingSet) {
    return Http.json(
        "POST",
        "/api/v1/batch-predictions",
        alice,
        "{\"model\":%s,\"trainingSetId\":%s}".formatted(quoted(model), quoted(trainingSet)));
  }

  private static String quoted(String text) {
    return text == null ? "null" : "\"" + text + "\"";
  }

  private static HttpResponse<String> uploadCsv(String model, String body) {
    String query =
        model == null
            ? ""
            : "?model="
                + java.net.URLEncoder.encode(model, java.nio.charset.StandardCharsets.UTF_8);
    return Http.send(
        HttpRequest.newBuilder(
                URI.create(RunningPlatform.BASE + "/api/v1/batch-predictions" + query))
            .header("Authorization", "Bearer " + alice)
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .timeout(Duration.ofSeconds(60))
            .build());
  }

  /** The served model's outputs for these rows, flattened row by row. */
  private static float[] infer(float[][] rows) {
    StringBuilder data = new StringBuilder();
    for (float[] row : rows) {
      for (float v : row) {
        data.append(data.isEmpty() ? "" : ",").append(v);
      }
    }
    HttpResponse<String> answer =
        Http.json(
            "POST",
            "/v2/models/" + MODEL + "/infer",
            alice,
            "{\"inputs\":[{\"name\":\"input\",\"shape\":[%d,2],\"datatype\":\"FP32\",\"data\":[%s]}]}"
                .formatted(rows.length, data));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonObject body = object(answer);
    assertThat(body.getString("model_version")).isEqualTo("1");
    return ModelApi.floats(body.getJsonArray("outputs").getJsonObject(0).getJsonArray("data"));
  }

  /** Splits CSV text; the fields here hold no line breaks, and quotes only around commas. */
  private static List<String[]> csv(String text) {
    List<String[]> rows = new ArrayList<>();
    for (String line : text.split("\n")) {
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == '"') {
          quoted = !quoted;
        } else if (c == ',' && !quoted) {
          fields.add(field.toString());
          field.setLength(0);
        } else {
          field.append(c);
        }
      }
      fields.add(field.toString());
      rows.add(fields.toArray(String[]::new));
    }
    return rows;
  }

  private static JsonObject awaitFinished(String jobId) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    JsonObject job = null;
    while (Instant.now().isBefore(deadline)) {
      job = object(Http.get("/api/v1/jobs/" + jobId, alice));
      if (!job.getString("state").equals("QUEUED") && !job.getString("state").equals("RUNNING")) {
        return job;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("job " + jobId + " did not finish: " + job);
  }

  private static void assertError(
      HttpResponse<String> response, int status, String mention, String field) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonObject body = object(response);
    assertThat(body.getString("error")).containsIgnoringCase(mention);
    if (field != null) {
      assertThat(body.getString("field")).isEqualTo(field);
    }
  }
}
