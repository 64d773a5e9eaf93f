package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

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
    created(
        Http.json(
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

  static JsonObject awaitJob(String jobId, String token) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    JsonObject job = null;
    while (Instant.now().isBefore(deadline)) {
      job = object(Http.get("/api/v1/jobs/" + jobId, token));
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
    Http.json(
        "POST",
        "/api/v1/entities",
        token,
        "{\"name\":\"%s\",\"joinKeys\":[{\"name\":\"%s\",\"type\":\"INT64\"}]}"
            .formatted(entity, key));
    created(
        Http.json(
            "POST",
            "/api/v1/feature-views",
            token,
            ("{\"name\":\"%s\",\"entities\":[\"%s\"],\"features\":["
                    + "{\"name\":\"x1\",\"type\":\"FLOAT64\"},{\"name\":\"x2\",\"type\":\"FLOAT64\"}]}")
                .formatted(view, entity)));
  }
}
