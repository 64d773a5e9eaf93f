package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.e2e.ModelApi.createModel;
import static org.mlplatform.e2e.ModelApi.created;
import static org.mlplatform.e2e.ModelApi.download;
import static org.mlplatform.e2e.ModelApi.object;
import static org.mlplatform.e2e.ServingApi.assertError;
import static org.mlplatform.e2e.ServingApi.awaitReady;
import static org.mlplatform.e2e.ServingApi.deploy;
import static org.mlplatform.e2e.ServingApi.infer;
import static org.mlplatform.e2e.ServingApi.inferStream;
import static org.mlplatform.e2e.ServingApi.input;
import static org.mlplatform.e2e.ServingApi.runInProcess;
import static org.mlplatform.e2e.ServingApi.setAlias;
import static org.mlplatform.e2e.ServingApi.sleep;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Serving end to end: a model trained on feature-store data becomes champion through a reviewed
 * promotion and is served at once; the Open Inference Protocol answers as ONNX Runtime does
 * in-process; predictions by entity key read the online store; alias moves swap under load without
 * a failed request; canary and shadow traffic; bad inputs get 4xx answers that say why.
 */
@ExtendWith(RunningPlatform.class)
class ServingIT {

  private static final String RUN = Long.toString(System.nanoTime(), 36);
  private static final String VIEW = "sv_stats_" + RUN;
  private static final String MODEL = "sv_fraud_" + RUN;

  private static String alice;
  private static byte[] onnx;
  private static String uploadMetadata;

  @BeforeAll
  static void trainAndPromote() throws Exception {
    alice = Http.accessToken("alice");
    String set =
        SyntheticCustomers.trainingSet("sv_customer", "sv_id", VIEW, 200, 200, 7, true, alice);
    ModelApi.trainLogisticRegression(RunningPlatform.BASE, MODEL, set, alice);
    onnx = download("/api/v1/models/" + MODEL + "/versions/1/artifact", alice);
    JsonObject lineage =
        object(Http.get("/api/v1/models/" + MODEL + "/versions/1", alice)).getJsonObject("lineage");
    uploadMetadata =
        "{\"features\":%s,\"labels\":%s}"
            .formatted(lineage.getJsonArray("features"), lineage.getJsonArray("labels"));
    ModelApi.promoteToChampion(MODEL, 1, alice);
  }

  /** The champion, moved by a reviewed promotion, is served without anyone deploying it. */
  @Test
  void theChampionIsServedAndAnswersAsOnnxRuntimeDoes() throws Exception {
    JsonObject deployment = awaitReady(alice, MODEL);
    assertThat(deployment.getString("alias")).isEqualTo("champion");
    assertThat(
            deployment
                .getJsonObject("status")
                .getJsonArray("versions")
                .getJsonObject(0)
                .getInt("version"))
        .isEqualTo(1);

    float[][] rows = {{0.5f, -1.25f}, {-2f, 0.75f}, {0f, 0f}};
    HttpResponse<String> answer =
        infer(
            alice,
            "/v2/models/" + MODEL + "/infer",
            "{\"id\":\"req-7\",\"inputs\":[" + input(rows) + "]}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonObject body = object(answer);
    assertThat(body.getString("id")).isEqualTo("req-7");
    assertThat(body.getString("model_name")).isEqualTo(MODEL);
    assertThat(body.getString("model_version")).isEqualTo("1");
    JsonObject output = body.getJsonArray("outputs").getJsonObject(0);
    assertThat(output.getString("datatype")).isEqualTo("FP32");
    assertThat(output.getJsonArray("shape").getInt(0)).isEqualTo(3);
    float[] served = ModelApi.floats(output.getJsonArray("data"));
    float[] direct = runInProcess(onnx, rows);
    assertThat(served).hasSize(direct.length);
    for (int i = 0; i < direct.length; i++) {
      assertThat(served[i]).isCloseTo(direct[i], Offset.offset(1e-6f));
    }

    JsonObject metadata = object(Http.get("/v2/models/" + MODEL, alice));
    assertThat(metadata.getJsonArray("inputs").getJsonObject(0).getString("name"))
        .isEqualTo("input");
    assertThat(Http.get("/v2/models/" + MODEL + "/ready", alice).statusCode()).isEqualTo(200);
    assertThat(Http.get("/v2/models/" + MODEL + "/versions/9/ready", alice).statusCode())
        .isEqualTo(404);
    assertThat(Http.get("/v2/health/ready", alice).statusCode()).isEqualTo(200);
    assertThat(Http.get("/v2/models/" + MODEL, null).statusCode()).isEqualTo(401);
    assertThat(Http.get("/metrics", null).body()).contains("mlp_predictions_total").contains(MODEL);
  }

  /** Features come from the online store in the version's order; a missing entity is imputed. */
  @Test
  void predictionsByEntityKeyReadTheOnlineStore() {
    awaitReady(alice, MODEL);
    HttpResponse<String> online =
        Http.json(
            "POST",
            "/api/v1/online-features",
            alice,
            "{\"features\":[\"%s:x1\",\"%s:x2\"],\"entities\":{\"sv_id\":[3]}}"
                .formatted(VIEW, VIEW));
    JsonArray results = object(online).getJsonArray("results");
    float x1 =
        (float) results.getJsonObject(1).getJsonArray("values").getJsonNumber(0).doubleValue();
    float x2 =
        (float) results.getJsonObject(2).getJsonArray("values").getJsonNumber(0).doubleValue();

    HttpResponse<String> answer =
        Http.json(
            "POST",
            "/api/v1/models/" + MODEL + "/predict",
            Http.accessToken("victor"),
            "{\"entities\":{\"sv_id\":[3, 999999]}}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonObject body = object(answer);
    assertThat(body.getInt("version")).isEqualTo(1);
    JsonObject first = body.getJsonArray("predictions").getJsonObject(0);
    assertThat(first.getString("predictionId")).hasSize(36);
    assertThat(first.getString("label")).isIn("fraud", "ok");
    JsonObject probabilities = first.getJsonObject("probabilities");
    assertThat(probabilities.keySet()).containsExactlyInAnyOrder("fraud", "ok");
    assertThat(first.getJsonArray("imputed")).isEmpty();

    HttpResponse<String> raw =
        infer(
            alice,
            "/v2/models/" + MODEL + "/infer",
            "{\"inputs\":[" + input(new float[][] {{x1, x2}}) + "]}");
    float[] direct =
        ModelApi.floats(object(raw).getJsonArray("outputs").getJsonObject(0).getJsonArray("data"));
    List<String> labels =
        ModelApi.strings(
            object(Http.get("/api/v1/models/" + MODEL + "/versions/1", alice))
                .getJsonObject("lineage")
                .getJsonArray("labels"));
    for (int k = 0; k < labels.size(); k++) {
      assertThat(probabilities.getJsonNumber(labels.get(k)).doubleValue())
          .isCloseTo(direct[k], Offset.offset(1e-6));
    }

    JsonObject unknown = body.getJsonArray("predictions").getJsonObject(1);
    assertThat(ModelApi.strings(unknown.getJsonArray("imputed")))
        .containsExactly(VIEW + ":x1", VIEW + ":x2");

    HttpResponse<String> overridden =
        Http.json(
            "POST",
            "/api/v1/models/" + MODEL + "/predict",
            alice,
            "{\"entities\":{\"sv_id\":[3]},\"features\":{\"%s:x9\":[1.0]}}".formatted(VIEW));
    assertThat(overridden.statusCode()).isEqualTo(400);
    assertThat(object(overridden).getString("field")).isEqualTo("features." + VIEW + ":x9");
  }

  /** Each broken request gets a 4xx and a message that names the problem. */
  @Test
  void badInferenceRequestsAreRefusedWithTheReason() throws Exception {
    awaitReady(alice, MODEL);
    String path = "/v2/models/" + MODEL + "/infer";
    assertError(infer(alice, path, "{\"inputs\":[{\"name\":"), 400, "malformed");
    assertError(
        infer(
            alice,
            path,
            "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,3],\"datatype\":\"FP32\",\"data\":[1,2,3]}]}"),
        400,
        "input");
    assertError(
        infer(
            alice,
            path,
            "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,2],\"datatype\":\"FP32\",\"data\":[1,2,3]}]}"),
        400,
        "input");
    assertError(
        infer(
            alice,
            path,
            "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,2],\"datatype\":\"INT64\",\"data\":[1,2]}]}"),
        400,
        "FP32");
    assertError(
        infer(
            alice,
            path,
            "{\"inputs\":[{\"name\":\"pixels\",\"shape\":[1,2],\"datatype\":\"FP32\",\"data\":[1,2]}]}"),
        400,
        "input");
    assertError(infer(alice, path, "{\"inputs\":[]}"), 400, "input");
    assertError(
        infer(
            alice,
            path,
            "{\"inputs\":[{\"name\":\"input\",\"shape\":[-1,2],\"datatype\":\"FP32\",\"data\":[1,2]}]}"),
        400,
        "shape");
    assertError(
        infer(alice, "/v2/models/no_such_model_" + RUN + "/infer", "{\"inputs\":[]}"),
        404,
        "not deployed");

    assertThat(inferStream(alice, path, 40L << 20, true)).startsWith("HTTP/1.1 413");
    assertThat(inferStream(alice, path, 40L << 20, false)).startsWith("HTTP/1.1 413");
  }

  /**
   * Moving the served alias back and forth under load: every request answered, both versions seen.
   */
  @Test
  void aliasMovesSwapUnderLoadWithoutAFailedRequest() throws Exception {
    String model = "sv_swap_" + RUN;
    createModel(model, alice);
    for (int v = 0; v < 2; v++) {
      created(ModelApi.upload(model, onnx, uploadMetadata, alice));
    }
    setAlias(alice, model, "live", 1);
    deploy(
        alice, model, "{\"alias\":\"live\",\"batching\":{\"maxBatchSize\":16,\"maxDelayMs\":1}}");

    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger answered = new AtomicInteger();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    Set<String> versions = ConcurrentHashMap.newKeySet();
    List<Thread> clients = new ArrayList<>();
    String body = "{\"inputs\":[" + input(new float[][] {{0.1f, 0.2f}}) + "]}";
    for (int c = 0; c < 6; c++) {
      Thread client =
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (running.get()) {
                      HttpResponse<String> r = infer(alice, "/v2/models/" + model + "/infer", body);
                      if (r.statusCode() != 200) {
                        failures.add(r.statusCode() + " " + r.body());
                      } else {
                        versions.add(object(r).getString("model_version"));
                        answered.incrementAndGet();
                      }
                    }
                  });
      clients.add(client);
    }
    for (int move = 0; move < 6; move++) {
      Thread.sleep(400);
      setAlias(alice, model, "live", move % 2 == 0 ? 2 : 1);
    }
    Thread.sleep(400);
    running.set(false);
    for (Thread client : clients) {
      client.join();
    }
    assertThat(failures).isEmpty();
    assertThat(answered.get()).isGreaterThan(50);
    assertThat(versions).containsExactlyInAnyOrder("1", "2");
  }

  /** A 30% canary gets about 30% of distinct callers, each caller always the same side. */
  @Test
  void canaryTrafficFollowsTheWeightAndStaysWithTheCaller() {
    String model = "sv_canary_" + RUN;
    createModel(model, alice);
    for (int v = 0; v < 3; v++) {
      created(ModelApi.upload(model, onnx, uploadMetadata, alice));
    }
    setAlias(alice, model, "live", 1);
    deploy(
        alice,
        model,
        "{\"alias\":\"live\",\"canary\":{\"version\":2,\"percent\":30},\"shadowVersion\":3}");
    String body = "{\"inputs\":[" + input(new float[][] {{0.3f, 0.4f}}) + "]}";
    int canary = 0;
    int callers = 400;
    for (int caller = 0; caller < callers; caller++) {
      HttpResponse<String> r =
          infer(alice, "/v2/models/" + model + "/infer", body, "caller-" + caller);
      assertThat(r.statusCode()).isEqualTo(200);
      if (r.headers().firstValue("X-Route").orElseThrow().equals("canary")) {
        canary++;
        assertThat(object(r).getString("model_version")).isEqualTo("2");
      }
    }
    // Binomial(400, 0.3): mean 120, standard deviation 9.2; four of them either side.
    assertThat(canary).isBetween(83, 157);
    String sticky =
        infer(alice, "/v2/models/" + model + "/infer", body, "caller-7")
            .headers()
            .firstValue("X-Route")
            .orElseThrow();
    for (int i = 0; i < 10; i++) {
      assertThat(
              infer(alice, "/v2/models/" + model + "/infer", body, "caller-7")
                  .headers()
                  .firstValue("X-Route"))
          .contains(sticky);
    }

    // The shadow answers every request too, logged but never returned.
    Instant deadline = Instant.now().plusSeconds(20);
    JsonArray logged = null;
    while (Instant.now().isBefore(deadline)) {
      logged =
          object(Http.get("/api/v1/deployments/" + model + "/predictions?limit=1000", alice))
              .getJsonArray("predictions");
      if (logged.getValuesAs(JsonObject.class).stream()
          .anyMatch(p -> p.getString("route").equals("shadow"))) {
        break;
      }
      sleep(200);
    }
    assertThat(logged.getValuesAs(JsonObject.class))
        .anySatisfy(p -> assertThat(p.getString("route")).isEqualTo("shadow"))
        .anySatisfy(p -> assertThat(p.getString("route")).isEqualTo("canary"))
        .allSatisfy(p -> assertThat(p.getString("inputs")).contains("input"));
  }

  /** The Deployments pages: the list, the live chart, and a prediction tried in the browser. */
  @Test
  void theDeploymentPagesShowTrafficAndTryAPrediction() {
    awaitReady(alice, MODEL);
    for (int i = 0; i < 20; i++) {
      infer(
          alice,
          "/v2/models/" + MODEL + "/infer",
          "{\"inputs\":[" + input(new float[][] {{1f, 2f}}) + "]}");
    }
    try (Browser browser = new Browser()) {
      browser.driver.get(RunningPlatform.BASE + "/deployments");
      PortalPage portal = KeycloakLoginPage.expect(browser).logInAs("alice").waitForText(MODEL);
      assertThat(browser.driver.findElement(By.id("deployments-grid")).getText()).contains("READY");
      browser.screenshot("deployments");
      portal.open("/deployments/" + MODEL).waitForText("champion");
      browser
          .waitUpTo(30)
          .until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector("#traffic-chart [data-rendered=true] canvas")));
      browser
          .driver
          .findElement(By.cssSelector("#try-input textarea"))
          .sendKeys("{\"sv_id\": [3]}");
      browser.driver.findElement(By.id("try-run")).click();
      browser
          .waitUpTo(30)
          .until(ExpectedConditions.presenceOfElementLocated(By.id("try-answered")));
      assertThat(browser.driver.findElement(By.id("try-result")).getText())
          .contains("v1")
          .contains("fraud");
      browser.screenshot("deployment-detail");
    }
  }

  /** A deployment naming a version that does not exist changes nothing and says why. */
  @Test
  void aDeploymentThatCannotLoadChangesNothing() {
    String model = "sv_broken_" + RUN;
    createModel(model, alice);
    created(ModelApi.upload(model, onnx, uploadMetadata, alice));
    setAlias(alice, model, "live", 1);
    HttpResponse<String> refused =
        Http.json(
            "PUT",
            "/api/v1/deployments/" + model,
            alice,
            "{\"alias\":\"live\",\"shadowVersion\":7}");
    assertThat(refused.statusCode()).as(refused.body()).isBetween(400, 422);
    assertThat(Http.get("/api/v1/deployments/" + model, alice).statusCode()).isEqualTo(404);
    HttpResponse<String> viewer =
        Http.json(
            "PUT",
            "/api/v1/deployments/" + model,
            Http.accessToken("victor"),
            "{\"alias\":\"live\"}");
    assertThat(viewer.statusCode()).isEqualTo(403);
    HttpResponse<String> invalid =
        Http.json(
            "PUT",
            "/api/v1/deployments/" + model,
            alice,
            "{\"canary\":{\"version\":1,\"percent\":150}}");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(object(invalid).getString("field")).isEqualTo("canary.percent");
  }
}
