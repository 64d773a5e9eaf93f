package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Predicate;

/** Model-registry calls the end-to-end tests share: models, multipart uploads, downloads, jobs. */
final class ModelApi {

  private ModelApi() {}

  static void created(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  static JsonObject object(HttpResponse<String> response) {
    return (JsonObject) Http.json(response.body());
  }

  static void createModel(String name, String token) {
    createModel(RunningPlatform.BASE, name, token);
  }

  static void createModel(String base, String name, String token) {
    created(
        Http.json(
            base,
            "POST",
            "/api/v1/models",
            token,
            "{\"name\":\"" + name + "\",\"description\":\"e2e\",\"tags\":[\"e2e\"]}"));
  }

  static HttpResponse<String> upload(String model, byte[] file, String metadata, String token) {
    return upload(RunningPlatform.BASE, model, file, metadata, token);
  }

  /** The same upload to another platform, such as one node of a cluster. */
  static HttpResponse<String> upload(
      String base, String model, byte[] file, String metadata, String token) {
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
        HttpRequest.newBuilder(URI.create(base + "/api/v1/models/" + model + "/versions"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .timeout(Duration.ofSeconds(120))
            .build());
  }

  static byte[] download(String path, String token) throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(RunningPlatform.BASE + path))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static float[] floats(JsonArray values) {
    float[] floats = new float[values.size()];
    for (int i = 0; i < floats.length; i++) {
      floats[i] = (float) values.getJsonNumber(i).doubleValue();
    }
    return floats;
  }

  static java.util.List<String> strings(JsonArray values) {
    return values.getValuesAs(jakarta.json.JsonString.class).stream()
        .map(jakarta.json.JsonString::getString)
        .toList();
  }

  /**
   * Polls a job, closely (every 20 ms, so a test can act mid-run), until {@code done} holds; 3
   * minutes at most.
   */
  static JsonObject awaitJobWhere(
      String base, String id, String token, Predicate<JsonObject> done) {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    JsonObject job = null;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = Http.json(base, "GET", "/api/v1/jobs/" + id, token, null);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      job = object(response);
      if (done.test(job)) {
        return job;
      }
      ServingApi.sleep(20);
    }
    throw new AssertionError("job not there within 3 minutes; last: " + job);
  }

  /**
   * Creates {@code model} and trains its version 1 as a logistic regression on the training set's
   * {@code label}, waiting for the training job.
   */
  static void trainLogisticRegression(String base, String model, String trainingSetId, String token)
      throws InterruptedException {
    createModel(base, model, token);
    HttpResponse<String> training =
        Http.json(
            base,
            "POST",
            "/api/v1/models/" + model + "/train",
            token,
            "{\"trainingSetId\":\"%s\",\"label\":\"label\",\"algorithm\":\"logistic-regression\"}"
                .formatted(trainingSetId));
    assertThat(training.statusCode()).as(training.body()).isEqualTo(202);
    awaitJob(base, object(training).getString("jobId"), token);
  }

  /** Starts a batch prediction of {@code model} over a CSV body. */
  static HttpResponse<String> startBatch(String base, String model, String csv, String token) {
    return Http.send(
        HttpRequest.newBuilder(
                URI.create(
                    base
                        + "/api/v1/batch-predictions?model="
                        + URLEncoder.encode(model, StandardCharsets.UTF_8)))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofString(csv))
            .timeout(Duration.ofSeconds(120))
            .build());
  }

  /** How many rows a batch prediction's result has, and its last. */
  record ResultRows(long count, String last) {}

  /** Reads a batch prediction's result as a stream (it may be large) and counts its rows. */
  static ResultRows batchResultRows(String base, String id, String token) throws IOException {
    HttpResponse<InputStream> result =
        Http.stream(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/batch-predictions/" + id + "/result"))
                .header("Authorization", "Bearer " + token)
                .build());
    assertThat(result.statusCode()).isEqualTo(200);
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(result.body(), StandardCharsets.UTF_8))) {
      lines.readLine();
      long rows = 0;
      String last = null;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        rows++;
        last = line;
      }
      return new ResultRows(rows, last);
    }
  }

  static JsonObject awaitJob(String jobId, String token) throws InterruptedException {
    return awaitJob(RunningPlatform.BASE, jobId, token);
  }

  /** The same on another platform, such as one node of a cluster. */
  static JsonObject awaitJob(String base, String jobId, String token) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    JsonObject job = null;
    while (Instant.now().isBefore(deadline)) {
      job = object(Http.json(base, "GET", "/api/v1/jobs/" + jobId, token, null));
      if (job.getString("state").equals("SUCCEEDED") || job.getString("state").equals("FAILED")) {
        break;
      }
      Thread.sleep(200);
    }
    assertThat(job).isNotNull();
    assertThat(job.getString("state")).as(job.toString()).isEqualTo("SUCCEEDED");
    return job;
  }

  /** The open review task of a promotion process, as the reviewer sees it in the inbox. */
  static String reviewTask(String processInstanceId, String reviewerToken) {
    return ((JsonArray) Http.json(Http.get("/api/v1/tasks", reviewerToken).body()))
        .getValuesAs(JsonObject.class).stream()
            .filter(t -> t.getString("processInstanceId").equals(processInstanceId))
            .findFirst()
            .orElseThrow()
            .getString("id");
  }

  /** Asks for {@code champion} as the requester and has bob, a reviewer, approve it. */
  static void promoteToChampion(String model, int version, String requesterToken) {
    HttpResponse<String> promotion =
        Http.json(
            "POST",
            "/api/v1/models/" + model + "/versions/" + version + "/promotions",
            requesterToken,
            "{\"alias\":\"champion\"}");
    assertThat(promotion.statusCode()).as(promotion.body()).isEqualTo(201);
    String task =
        reviewTask(object(promotion).getString("processInstanceId"), Http.accessToken("bob"));
    HttpResponse<String> approved =
        Http.json(
            "POST",
            "/api/v1/tasks/" + task + "/complete",
            Http.accessToken("bob"),
            "{\"decision\":\"approve\",\"comment\":\"approved in an end-to-end test\"}");
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
  }

  /** An entity with one INT64 key and a view of it with FLOAT64 features x1 and x2. */
  static void defineTwoFeatureView(String entity, String key, String view, String token) {
    defineTwoFeatureView(RunningPlatform.BASE, entity, key, view, token);
  }

  static void defineTwoFeatureView(
      String base, String entity, String key, String view, String token) {
    Http.json(
        base,
        "POST",
        "/api/v1/entities",
        token,
        "{\"name\":\"%s\",\"joinKeys\":[{\"name\":\"%s\",\"type\":\"INT64\"}]}"
            .formatted(entity, key));
    created(
        Http.json(
            base,
            "POST",
            "/api/v1/feature-views",
            token,
            ("{\"name\":\"%s\",\"entities\":[\"%s\"],\"features\":["
                    + "{\"name\":\"x1\",\"type\":\"FLOAT64\"},{\"name\":\"x2\",\"type\":\"FLOAT64\"}]}")
                .formatted(view, entity)));
  }
}
