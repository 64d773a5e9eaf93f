package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.e2e.ModelApi.awaitJob;
import static org.mlplatform.e2e.ModelApi.createModel;
import static org.mlplatform.e2e.ModelApi.object;
import static org.mlplatform.e2e.ServingApi.awaitReady;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Monitoring end to end on a running platform: shifted traffic on a trained champion drifts against
 * its training set, a rule on the drift opens an alert that starts the retraining process, ground
 * truth gives performance beside the held-out metrics, alerts move through their lifecycle, the
 * drift shows in {@code /metrics}, and the Monitoring page shows it all.
 */
@ExtendWith(RunningPlatform.class)
class MonitoringIT {

  private static final String RUN = Long.toString(System.nanoTime(), 36);

  private static String alice;
  private static String bob;
  private static String victor;
  private static String model;
  private static String view;
  private static List<String> predictionIds;

  @BeforeAll
  static void servedAndShifted() throws Exception {
    alice = Http.accessToken("alice");
    bob = Http.accessToken("bob");
    victor = Http.accessToken("victor");
    view = "mon_stats_" + RUN;
    String set =
        SyntheticCustomers.trainingSet("mon_customer", "mon_id", view, 300, 300, 11, true, alice);
    model = "mon_model_" + RUN;
    createModel(model, alice);
    HttpResponse<String> training =
        Http.json(
            "POST",
            "/api/v1/models/" + model + "/train",
            alice,
            "{\"trainingSetId\":\"%s\",\"label\":\"label\",\"algorithm\":\"logistic-regression\"}"
                .formatted(set));
    awaitJob(object(training).getString("jobId"), alice);
    ModelApi.promoteToChampion(model, 1, alice);
    awaitReady(alice, model);

    HttpResponse<String> policy =
        Http.json(
            "PUT",
            "/api/v1/models/" + model + "/monitoring/policy",
            alice,
            "{\"window\":\"PT1H\",\"evaluateEvery\":\"PT2S\"}");
    assertThat(policy.statusCode()).as(policy.body()).isEqualTo(200);
    HttpResponse<String> rule =
        Http.json(
            "POST",
            "/api/v1/alert-rules",
            alice,
            ("{\"model\":\"%s\",\"metric\":\"dataset_drift_share\",\"comparison\":\"above\","
                    + "\"threshold\":0.4,\"severity\":\"critical\",\"startsRetraining\":true}")
                .formatted(model));
    assertThat(rule.statusCode()).as(rule.body()).isEqualTo(201);

    predictionIds = predictShifted(120);
    awaitLogged(120);
  }

  /** The prediction log is written in batches, a moment after the predictions. */
  private static void awaitLogged(int rows) {
    long deadline = System.currentTimeMillis() + 10_000;
    while (object(Http.get("/api/v1/models/" + model + "/drift", alice))
            .getJsonNumber("rows")
            .longValue()
        < rows) {
      assertThat(System.currentTimeMillis()).as(rows + " logged predictions").isLessThan(deadline);
      ServingApi.sleep(100);
    }
  }

  /** Predictions by entity key with both features moved four standard deviations. */
  private static List<String> predictShifted(int rows) {
    Random random = new Random(5);
    StringBuilder keys = new StringBuilder();
    StringBuilder x1 = new StringBuilder();
    StringBuilder x2 = new StringBuilder();
    for (int i = 1; i <= rows; i++) {
      String comma = i > 1 ? "," : "";
      keys.append(comma).append(i);
      x1.append(comma).append(4 + random.nextGaussian());
      x2.append(comma).append(-4 + random.nextGaussian());
    }
    HttpResponse<String> predicted =
        Http.json(
            "POST",
            "/api/v1/models/" + model + "/predict",
            alice,
            "{\"entities\":{\"mon_id\":[%s]},\"features\":{\"%s:x1\":[%s],\"%s:x2\":[%s]}}"
                .formatted(keys, view, x1, view, x2));
    assertThat(predicted.statusCode()).as(predicted.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    for (JsonObject p :
        object(predicted).getJsonArray("predictions").getValuesAs(JsonObject.class)) {
      ids.add(p.getString("predictionId"));
    }
    return ids;
  }

  private static void scrollTo(Browser browser, WebElement element) {
    ((JavascriptExecutor) browser.driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  /** The model's drift alert in this status once it has started its retraining. */
  private static JsonObject awaitAlert(String status, int seconds) {
    long deadline = System.currentTimeMillis() + seconds * 1_000L;
    while (true) {
      JsonArray alerts =
          (JsonArray)
              Http.json(
                  Http.get("/api/v1/alerts?model=" + model + "&status=" + status, alice).body());
      for (JsonObject alert : alerts.getValuesAs(JsonObject.class)) {
        if (alert.getString("metric").equals("dataset_drift_share")
            && !alert.isNull("retrainingProcessId")) {
          return alert;
        }
      }
      assertThat(System.currentTimeMillis()).as("an " + status + " alert").isLessThan(deadline);
      ServingApi.sleep(500);
    }
  }

  @Test
  void shiftedTrafficDriftsAgainstTheTrainingSetWithEvidentlysSmallReferenceTests() {
    JsonObject drift = object(Http.get("/api/v1/models/" + model + "/drift", victor));

    assertThat(drift.getInt("version")).isEqualTo(1);
    assertThat(drift.getString("baseline")).startsWith("training set ");
    assertThat(drift.getJsonNumber("rows").longValue()).isGreaterThanOrEqualTo(120);
    assertThat(drift.getBoolean("datasetDrift")).isTrue();
    List<JsonObject> features = drift.getJsonArray("features").getValuesAs(JsonObject.class);
    assertThat(features).hasSize(2);
    for (JsonObject feature : features) {
      // 300 reference rows: Kolmogorov-Smirnov at p < 0.05, as Evidently chooses it.
      assertThat(feature.getString("method")).isEqualTo("kolmogorov_smirnov");
      assertThat(feature.getBoolean("drifted")).isTrue();
      assertThat(feature.getJsonNumber("score").doubleValue()).isLessThan(0.05);
      assertThat(feature.getJsonObject("quality").getJsonObject("current").toString())
          .contains("\"missing\":0.0");
      assertThat(feature.getJsonObject("quality").getJsonNumber("outOfRange").doubleValue())
          .isGreaterThan(0.3);
    }
    JsonObject prediction = drift.getJsonObject("prediction");
    assertThat(prediction.getString("column")).isEqualTo("prediction");
    assertThat(prediction.getString("status")).isEqualTo("computed");
    assertThat(drift.getJsonArray("traffic")).isNotEmpty();
  }

  @Test
  void theDriftRuleOpensAnAlertThatStartsRetrainingAndMovesThroughItsLifecycle() {
    JsonObject alert = awaitAlert("open", 90);

    assertThat(alert.getString("severity")).isEqualTo("critical");
    assertThat(alert.getString("metric")).isEqualTo("dataset_drift_share");
    assertThat(alert.getString("message")).contains("dataset_drift_share");
    String process = alert.getString("retrainingProcessId");
    JsonObject retraining = object(Http.get("/api/v1/processes/" + process, alice));
    assertThat(retraining.getString("definitionKey")).isEqualTo("modelRetraining");
    assertThat(retraining.getJsonObject("variables").getString("trigger")).isEqualTo("alert");
    assertThat(WorkflowApi.notificationTopics(alice)).contains("monitoring.alert");

    String id = alert.getString("id");
    HttpResponse<String> viewerTry =
        Http.json("POST", "/api/v1/alerts/" + id + "/acknowledge", victor, "");
    assertThat(viewerTry.statusCode()).isEqualTo(403);
    HttpResponse<String> acknowledged =
        Http.json("POST", "/api/v1/alerts/" + id + "/acknowledge", bob, "");
    assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);
    assertThat(object(acknowledged).getString("acknowledgedBy")).isEqualTo("bob");
    HttpResponse<String> resolved = Http.json("POST", "/api/v1/alerts/" + id + "/resolve", bob, "");
    assertThat(object(resolved).getString("status")).isEqualTo("resolved");
    HttpResponse<String> again =
        Http.json("POST", "/api/v1/alerts/" + id + "/acknowledge", bob, "");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
    assertThat(again.body()).contains("resolved");
  }

  @Test
  void groundTruthGivesPerformanceBesideTheHeldOutMetrics() {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < predictionIds.size(); i++) {
      items
          .append(i > 0 ? "," : "")
          .append("{\"predictionId\":\"%s\",\"label\":\"fraud\"}".formatted(predictionIds.get(i)));
    }
    HttpResponse<String> sent =
        Http.json(
            "POST",
            "/api/v1/models/" + model + "/feedback",
            alice,
            "{\"feedback\":[" + items + "]}");
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    assertThat(object(sent).getInt("received")).isEqualTo(predictionIds.size());

    JsonObject performance = object(Http.get("/api/v1/models/" + model + "/performance", alice));

    assertThat(performance.getJsonNumber("labelledRows").longValue())
        .isEqualTo(predictionIds.size());
    // x1 - x2 is about 8 on every shifted row: the model answers fraud, and fraud it was.
    assertThat(performance.getJsonObject("metrics").getJsonNumber("accuracy").doubleValue())
        .isGreaterThan(0.95);
    assertThat(performance.getJsonObject("heldOut").containsKey("accuracy")).isTrue();

    HttpResponse<String> bad =
        Http.json(
            "POST",
            "/api/v1/models/" + model + "/feedback",
            alice,
            "{\"feedback\":[{\"predictionId\":\"%s\",\"label\":\"ok\"},{\"predictionId\":\"nope\",\"label\":\"ok\"}]}"
                .formatted(predictionIds.getFirst()));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("feedback[1].predictionId");
    HttpResponse<String> viewer =
        Http.json("POST", "/api/v1/models/" + model + "/feedback", victor, "{\"feedback\":[]}");
    assertThat(viewer.statusCode()).isEqualTo(403);
  }

  @Test
  void badRequestsNameTheirFieldAndRulesNeedTheirFeature() {
    HttpResponse<String> window =
        Http.get("/api/v1/models/" + model + "/drift?from=yesterday", alice);
    assertThat(window.statusCode()).isEqualTo(400);
    assertThat(window.body()).contains("from");
    HttpResponse<String> noFeature =
        Http.json(
            "POST",
            "/api/v1/alert-rules",
            alice,
            "{\"model\":\"%s\",\"metric\":\"drift_score\",\"comparison\":\"below\",\"threshold\":0.05}"
                .formatted(model));
    assertThat(noFeature.statusCode()).isEqualTo(400);
    assertThat(noFeature.body()).contains("feature");
    HttpResponse<String> unknownMetric =
        Http.json(
            "POST",
            "/api/v1/alert-rules",
            alice,
            "{\"model\":\"%s\",\"metric\":\"vibes\",\"comparison\":\"above\",\"threshold\":1}"
                .formatted(model));
    assertThat(unknownMetric.statusCode()).isEqualTo(400);
    assertThat(unknownMetric.body()).contains("metric");
    assertThat(Http.get("/api/v1/alerts/not-an-id", alice).statusCode()).isEqualTo(404);
  }

  @Test
  void snapshotsFeedTheHistoryTheGaugesAndTheMonitoringPage() {
    HttpResponse<String> snapshot =
        Http.json("POST", "/api/v1/models/" + model + "/monitoring/snapshots", alice, "");
    assertThat(snapshot.statusCode()).as(snapshot.body()).isEqualTo(200);
    assertThat(object(snapshot).getBoolean("datasetDrift")).isTrue();
    JsonArray history =
        (JsonArray)
            Http.json(Http.get("/api/v1/models/" + model + "/monitoring/history", alice).body());
    assertThat(history).isNotEmpty();
    assertThat(Http.get("/metrics", null).body()).contains("mlp_drift_score").contains(model);

    try (Browser browser = new Browser()) {
      browser.driver.get(RunningPlatform.BASE + "/monitoring/" + model);
      KeycloakLoginPage.expect(browser).logInAs("alice").waitForText(model);
      browser
          .waitUpTo(30)
          .until(ExpectedConditions.presenceOfElementLocated(By.id("monitoring-drift-grid")));
      browser
          .waitUpTo(30)
          .until(
              ExpectedConditions.attributeToBe(
                  By.id("monitoring-drift-chart"), "data-rendered", "true"));
      assertThat(browser.driver.findElement(By.id("monitoring-drift-grid")).getText())
          .contains("kolmogorov");
      browser.screenshot("monitoring");

      // A rule added with the page's form is there for the API too.
      WebElement metric =
          browser
              .driver
              .findElement(By.id("monitoring-rule-metric"))
              .findElement(By.cssSelector("input"));
      scrollTo(browser, metric);
      metric.sendKeys("volume");
      metric.sendKeys(Keys.ENTER);
      browser
          .driver
          .findElement(By.id("monitoring-rule-threshold"))
          .findElement(By.cssSelector("input"))
          .sendKeys("1"); // volume below 1: never fires while there is traffic
      WorkflowApi.click(browser, browser.driver.findElement(By.id("monitoring-rule-add")));
      browser
          .waitUpTo(30)
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("monitoring-rules"), "volume"));
      assertThat(Http.get("/api/v1/alert-rules?model=" + model, alice).body())
          .contains("\"metric\":\"volume\"");
      browser.screenshot("monitoring-alerts-and-rules");
      scrollTo(browser, browser.driver.findElement(By.id("monitoring-distribution-chart")));
      browser.screenshot("monitoring-distribution");

      browser.driver.get(RunningPlatform.BASE + "/monitoring");
      browser
          .waitUpTo(30)
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("monitoring-models"), model));
      browser.screenshot("monitoring-overview");
    }
  }
}
