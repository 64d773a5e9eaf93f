package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The model registry end to end: training on a training set from the feature store with the
 * registered file's predictions checked against Tribuo's, uploads of a third-party CNN and of bad
 * files, aliases with champion protected, model cards, comparisons, and the model pages in a
 * browser.
 */
@ExtendWith(RunningPlatform.class)
class ModelRegistryIT {

  private static final String RUN = Long.toString(System.nanoTime(), 36);
  private static final String VIEW = "mr_stats_" + RUN;
  private static final Path CNN = Path.of(System.getProperty("mlp.e2e.cnn-model"));

  private static String alice;
  private static String trainingSetId;
  private Browser browser;

  /** 300 customers with two features; the label follows them (logistic, with a little noise). */
  @BeforeAll
  static void buildATrainingSet() throws InterruptedException {
    alice = Http.accessToken("alice");
    Http.json(
        "POST",
        "/api/v1/entities",
        alice,
        "{\"name\":\"mr_customer\",\"joinKeys\":[{\"name\":\"mr_id\",\"type\":\"INT64\"}]}");
    created(
        Http.json(
            "POST",
            "/api/v1/feature-views",
            alice,
            "{\"name\":\""
                + VIEW
                + "\",\"entities\":[\"mr_customer\"],\"features\":["
                + "{\"name\":\"x1\",\"type\":\"FLOAT64\"},{\"name\":\"x2\",\"type\":\"FLOAT64\"}]}"));
    Random random = new Random(5);
    StringBuilder rows = new StringBuilder("[");
    StringBuilder entityRows = new StringBuilder("[");
    for (int id = 1; id <= 300; id++) {
      double x1 = random.nextGaussian();
      double x2 = random.nextGaussian();
      String label = x1 + 2 * x2 + 0.3 * random.nextGaussian() > 0 ? "fraud" : "ok";
      rows.append(id > 1 ? "," : "")
          .append(
              "{\"mr_id\":%d,\"event_timestamp\":\"2026-04-01T00:00:00Z\",\"x1\":%s,\"x2\":%s}"
                  .formatted(id, x1, x2));
      entityRows
          .append(id > 1 ? "," : "")
          .append(
              "{\"mr_id\":%d,\"event_timestamp\":\"2026-04-02T00:00:00Z\",\"label\":\"%s\"}"
                  .formatted(id, label));
    }
    HttpResponse<String> ingested =
        Http.json("POST", "/api/v1/feature-views/" + VIEW + "/rows", alice, rows + "]");
    assertThat(ingested.statusCode()).as(ingested.body()).isEqualTo(200);
    HttpResponse<String> accepted =
        Http.json(
            "POST",
            "/api/v1/training-sets",
            alice,
            "{\"features\":[\""
                + VIEW
                + ":x1\",\""
                + VIEW
                + ":x2\"],\"entityRows\":"
                + entityRows
                + "]}");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    trainingSetId = object(accepted).getString("id");
    awaitJob(object(accepted).getString("jobId"));
  }

  @AfterEach
  void closeBrowser(TestInfo test) {
    if (browser != null) {
      browser.screenshot("last-" + test.getTestMethod().orElseThrow().getName());
      browser.close();
    }
  }

  @Test
  void trainingOnAFeatureStoreTrainingSetRegistersAVersionThatPredictsAsTribuo() throws Exception {
    String model = "mr_fraud_" + RUN;
    createModel(model);

    HttpResponse<String> accepted =
        Http.json(
            "POST",
            "/api/v1/models/" + model + "/train",
            alice,
            "{\"trainingSetId\":\""
                + trainingSetId
                + "\",\"label\":\"label\",\"algorithm\":\"logistic-regression\","
                + "\"hyperparameters\":{\"epochs\":\"20\"}}");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    JsonObject job = awaitJob(object(accepted).getString("jobId"));
    JsonObject result = job.getJsonObject("result");
    assertThat(result.getInt("version")).isEqualTo(1);

    JsonObject version = object(Http.get("/api/v1/models/" + model + "/versions/1", alice));
    JsonObject lineage = version.getJsonObject("lineage");
    assertThat(lineage.getString("source")).isEqualTo("TRAINED");
    assertThat(lineage.getString("trainingSetId")).isEqualTo(trainingSetId);
    assertThat(lineage.getString("algorithm")).isEqualTo("logistic-regression");
    assertThat(strings(lineage.getJsonArray("features")))
        .containsExactly(VIEW + "__x1", VIEW + "__x2");
    assertThat(strings(lineage.getJsonArray("labels"))).containsExactlyInAnyOrder("fraud", "ok");
    assertThat(version.getJsonObject("metrics").getJsonNumber("accuracy").doubleValue())
        .isGreaterThan(0.8);
    assertThat(
            version
                .getJsonObject("signature")
                .getJsonArray("inputs")
                .getJsonObject(0)
                .getString("datatype"))
        .isEqualTo("FP32");

    byte[] onnx = download("/api/v1/models/" + model + "/versions/1/artifact");
    assertThat(sha256(onnx)).isEqualTo(version.getString("sha256"));
    JsonArray reference = (JsonArray) Http.json(result.getString("referencePredictions"));
    assertThat(reference).isNotEmpty();
    try (OrtSession session =
        OrtEnvironment.getEnvironment().createSession(onnx, new OrtSession.SessionOptions())) {
      for (JsonValue row : reference) {
        float[] inputs = floats(row.asJsonObject().getJsonArray("inputs"));
        float[] expected = floats(row.asJsonObject().getJsonArray("outputs"));
        try (OnnxTensor tensor =
                OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), new float[][] {inputs});
            OrtSession.Result out = session.run(Map.of("input", tensor))) {
          float[] actual = ((float[][]) out.get(0).getValue())[0];
          for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i])
                .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-4f));
          }
        }
      }
    }

    // The downloaded Tribuo model uploads as a version of its own, with the same signature.
    String copy = "mr_fraud_copy_" + RUN;
    createModel(copy);
    HttpResponse<String> uploaded =
        upload(
            copy,
            onnx,
            "{\"trainingSetId\":\""
                + trainingSetId
                + "\",\"features\":"
                + lineage.getJsonArray("features")
                + ",\"labels\":"
                + lineage.getJsonArray("labels")
                + "}");
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    assertThat(object(uploaded).getJsonObject("signature"))
        .isEqualTo(version.getJsonObject("signature"));

    JsonObject chain = object(Http.get("/api/v1/models/" + model + "/versions/1/lineage", alice));
    assertThat(chain.getJsonArray("versions")).hasSize(1);
    JsonObject set = object(Http.get("/api/v1/training-sets/" + trainingSetId, alice));
    assertThat(set.toString()).contains(VIEW);
  }

  @Test
  void aThirdPartyCnnIsRegisteredAndBadFilesAreRefusedWithNothingStored() throws IOException {
    String model = "mr_ocr_" + RUN;
    createModel(model);
    byte[] cnn = Files.readAllBytes(CNN);

    HttpResponse<String> registered =
        upload(model, cnn, "{\"description\":\"PaddleOCR direction classifier\"}");
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    JsonObject input =
        object(registered).getJsonObject("signature").getJsonArray("inputs").getJsonObject(0);
    assertThat(input.getString("name")).isEqualTo("x");
    assertThat(input.getJsonArray("shape").toString()).isEqualTo("[-1,3,-1,-1]");
    assertThat(object(registered).getString("sha256")).isEqualTo(sha256(cnn));

    assertRefused(model, new byte[0], 400, "empty");
    assertRefused(model, randomBytes(4096), 400, "not_onnx");
    assertRefused(model, Arrays.copyOf(cnn, cnn.length / 2), 422, "truncated");
    assertRefused(
        model, new byte[] {(byte) 0x80, 4, (byte) 0x95, 0, 0, 0, 0, 0, 0, 0, '.'}, 400, "pickle");
    assertRefused(model, zipBytes(), 400, "archive");
    HttpResponse<String> badMetadata = upload(model, cnn, "{\"metrics\":{\"auc\":\"high\"}");
    assertThat(badMetadata.statusCode()).as(badMetadata.body()).isEqualTo(400);

    JsonObject versions = object(Http.get("/api/v1/models/" + model + "/versions", alice));
    assertThat(versions.getInt("total")).isEqualTo(1);
    String viewer = Http.accessToken("victor");
    // A small body: the role check answers before the upload is read, and closes the connection.
    assertThat(upload(model, new byte[] {1}, null, viewer).statusCode()).isEqualTo(403);
  }

  @Test
  void championMovesOnlyByPromotionOtherAliasesMoveAndAreKeptInHistory() throws IOException {
    String model = "mr_alias_" + RUN;
    createModel(model);
    byte[] cnn = Files.readAllBytes(CNN);
    assertThat(upload(model, cnn, null).statusCode()).isEqualTo(201);
    assertThat(upload(model, cnn, "{\"metrics\":{\"accuracy\":0.9}}").statusCode()).isEqualTo(201);

    HttpResponse<String> champion =
        Http.json("PUT", "/api/v1/models/" + model + "/aliases/champion", alice, "{\"version\":2}");
    assertThat(champion.statusCode()).isEqualTo(403);
    assertThat(champion.body()).contains("promotions");
    HttpResponse<String> challenger =
        Http.json(
            "PUT",
            "/api/v1/models/" + model + "/aliases/challenger",
            alice,
            "{\"version\":2,\"reason\":\"better accuracy\"}");
    assertThat(challenger.statusCode()).as(challenger.body()).isEqualTo(200);
    assertThat(object(challenger).getInt("challenger")).isEqualTo(2);
    assertThat(
            Http.json(
                    "PUT",
                    "/api/v1/models/" + model + "/aliases/challenger",
                    Http.accessToken("bob"),
                    "{\"version\":1}")
                .statusCode())
        .isEqualTo(403);
    JsonArray history =
        (JsonArray) Http.json(Http.get("/api/v1/models/" + model + "/alias-history", alice).body());
    assertThat(history).hasSize(1);
    assertThat(history.getJsonObject(0).getString("movedBy")).isEqualTo("alice");
    assertThat(history.getJsonObject(0).getInt("to")).isEqualTo(2);

    String carol = Http.accessToken("carol");
    HttpResponse<String> promotion =
        Http.json(
            "POST",
            "/api/v1/models/" + model + "/versions/2/promotions",
            carol,
            "{\"alias\":\"champion\"}");
    assertThat(promotion.statusCode()).as(promotion.body()).isEqualTo(201);
    String process = object(promotion).getString("processInstanceId");
    String bob = Http.accessToken("bob");
    String task =
        ((JsonArray) Http.json(Http.get("/api/v1/tasks", bob).body()))
            .getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("processInstanceId").equals(process))
                .findFirst()
                .orElseThrow()
                .getString("id");
    String approve = "{\"decision\":\"approve\",\"comment\":\"metrics hold\"}";
    HttpResponse<String> ownReview =
        Http.json("POST", "/api/v1/tasks/" + task + "/complete", carol, approve);
    assertThat(ownReview.statusCode()).as("four eyes").isEqualTo(403);
    assertThat(
            Http.json("POST", "/api/v1/tasks/" + task + "/complete", alice, approve).statusCode())
        .isEqualTo(403);
    HttpResponse<String> approved =
        Http.json("POST", "/api/v1/tasks/" + task + "/complete", bob, approve);
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    assertThat(object(Http.get("/api/v1/models/" + model + "/aliases", alice)).getInt("champion"))
        .isEqualTo(2);
    JsonObject championMove =
        ((JsonArray)
                Http.json(Http.get("/api/v1/models/" + model + "/alias-history", alice).body()))
            .getJsonObject(0);
    assertThat(championMove.getString("alias")).isEqualTo("champion");
    assertThat(championMove.getString("movedBy")).isEqualTo("bob");
    assertThat(Http.json("POST", "/api/v1/tasks/" + task + "/complete", bob, approve).statusCode())
        .isEqualTo(404);

    HttpResponse<String> card =
        Http.json(
            "PUT",
            "/api/v1/models/" + model + "/versions/2/card",
            alice,
            "{\"intendedUse\":\"Rotate *scanned* pages\",\"limitations\":\"Latin script only\"}");
    assertThat(card.statusCode()).as(card.body()).isEqualTo(200);
    String markdown = Http.get("/api/v1/models/" + model + "/versions/2/card.md", alice).body();
    assertThat(markdown).contains("Latin script only").contains("accuracy");

    JsonObject comparison =
        object(Http.get("/api/v1/models/" + model + "/compare?base=1&candidate=2", alice));
    assertThat(comparison.getBoolean("callersFit")).isTrue();
    assertThat(comparison.getJsonArray("metrics").getJsonObject(0).getString("name"))
        .isEqualTo("accuracy");

    browser = new Browser();
    browser.driver.get(RunningPlatform.BASE + "/models/" + model);
    PortalPage portal = KeycloakLoginPage.expect(browser).logInAs("alice");
    portal
        .waitForText("challenger → v2")
        .waitForText("champion → v2")
        .waitForText("better accuracy");
    browser.screenshot("model-page");
    portal.open("/models/" + model + "/versions/2").waitForText(model + " v2");
    assertThat(browser.driver.findElement(By.id("card-limitations")).getDomProperty("value"))
        .isEqualTo("Latin script only");
    browser
        .waitUpTo(30)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#lineage-chart[data-rendered=true] canvas")));
    assertThat(browser.driver.findElement(By.id("signature-grid")).getText()).contains("FP32");
    browser.screenshot("model-version-page");

    // A reviewer works the inbox in the browser: champion moves back to v1.
    HttpResponse<String> back =
        Http.json("POST", "/api/v1/models/" + model + "/versions/1/promotions", alice, "{}");
    assertThat(back.statusCode()).as(back.body()).isEqualTo(201);
    String backProcess = object(back).getString("processInstanceId");
    String backTask =
        ((JsonArray) Http.json(Http.get("/api/v1/tasks", bob).body()))
            .getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("processInstanceId").equals(backProcess))
                .findFirst()
                .orElseThrow()
                .getString("id");
    browser.close();
    browser = new Browser();
    browser.driver.get(RunningPlatform.BASE + "/tasks");
    KeycloakLoginPage.expect(browser).logInAs("bob").waitForText(model);
    browser
        .waitUpTo(30)
        .until(ExpectedConditions.elementToBeClickable(By.id("task-approve-" + backTask)))
        .click();
    browser.screenshot("task-inbox");
    Instant deadline = Instant.now().plusSeconds(20);
    int nowChampion = 0;
    while (Instant.now().isBefore(deadline) && nowChampion != 1) {
      nowChampion =
          object(Http.get("/api/v1/models/" + model + "/aliases", alice)).getInt("champion");
    }
    assertThat(nowChampion).isEqualTo(1);
  }

  private static void createModel(String name) {
    created(
        Http.json(
            "POST",
            "/api/v1/models",
            alice,
            "{\"name\":\"" + name + "\",\"description\":\"e2e\",\"tags\":[\"e2e\"]}"));
  }

  private static void assertRefused(String model, byte[] file, int status, String code) {
    HttpResponse<String> response = upload(model, file, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(object(response).getString("code")).isEqualTo(code);
  }

  private static HttpResponse<String> upload(String model, byte[] file, String metadata) {
    return upload(model, file, metadata, alice);
  }

  private static HttpResponse<String> upload(
      String model, byte[] file, String metadata, String token) {
    String boundary = "mlp-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.onnx\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    if (metadata != null) {
      body.writeBytes(
          ("\r\n--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"metadata\""
                  + "\r\nContent-Type: application/json\r\n\r\n"
                  + metadata)
              .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return Http.send(
        HttpRequest.newBuilder(
                URI.create(RunningPlatform.BASE + "/api/v1/models/" + model + "/versions"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .timeout(Duration.ofSeconds(120))
            .build());
  }

  private static byte[] download(String path) throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(RunningPlatform.BASE + path))
                    .header("Authorization", "Bearer " + alice)
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    new Random(11).nextBytes(bytes);
    bytes[0] = 0x1e; // not a known magic number
    return bytes;
  }

  private static byte[] zipBytes() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
      zip.putNextEntry(new java.util.zip.ZipEntry("model.onnx"));
      zip.write(Files.readAllBytes(CNN), 0, 1000);
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  private static float[] floats(JsonArray values) {
    float[] floats = new float[values.size()];
    for (int i = 0; i < floats.length; i++) {
      floats[i] = (float) values.getJsonNumber(i).doubleValue();
    }
    return floats;
  }

  private static java.util.List<String> strings(JsonArray values) {
    return values.getValuesAs(jakarta.json.JsonString.class).stream()
        .map(jakarta.json.JsonString::getString)
        .toList();
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void created(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  private static JsonObject object(HttpResponse<String> response) {
    return (JsonObject) Http.json(response.body());
  }

  private static JsonObject awaitJob(String jobId) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    JsonObject job = null;
    while (Instant.now().isBefore(deadline)) {
      job = object(Http.get("/api/v1/jobs/" + jobId, alice));
      if (job.getString("state").equals("SUCCEEDED") || job.getString("state").equals("FAILED")) {
        break;
      }
      Thread.sleep(200);
    }
    assertThat(job).isNotNull();
    assertThat(job.getString("state")).as(job.toString()).isEqualTo("SUCCEEDED");
    return job;
  }
}
