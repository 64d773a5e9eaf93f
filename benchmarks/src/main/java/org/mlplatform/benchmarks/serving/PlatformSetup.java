package org.mlplatform.benchmarks.serving;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlplatform.benchmarks.JobWaiter;
import org.mlplatform.benchmarks.MultipartUpload;
import org.mlplatform.benchmarks.RenewingToken;

/**
 * Sets the benchmark up on a running platform over REST, as alice: the entity {@value #ENTITY}
 * (join key {@value #JOIN_KEY}, INT64) and the feature view {@value #VIEW} with one FLOAT64 feature
 * per model feature, optionally the entity rows ingested and materialized; the model {@value
 * #MODEL} with a new version of the trained bytes (its feature mapping and labels in the metadata),
 * the alias {@value #ALIAS} on it, and the deployment following that alias. What already exists
 * from an earlier run (409) is reused; the version and the rows are sent every run.
 */
final class PlatformSetup {

  static final String MODEL = "bench_lr";
  static final String ALIAS = "bench";
  static final String ENTITY = "bench_serving_user";
  static final String JOIN_KEY = "bench_serving_user_id";
  static final String VIEW = "bench_view";
  static final String INFER_PATH = "/v2/models/" + MODEL + "/infer";

  private static final Logger LOG = Logger.getLogger(PlatformSetup.class.getName());
  private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");
  private static final long DEADLINE_NANOS = TimeUnit.MINUTES.toNanos(5);

  private final HttpClient http;
  private final URI base;
  private final RenewingToken tokens;

  PlatformSetup(HttpClient http, URI base, RenewingToken tokens) {
    this.http = http;
    this.base = base;
    this.tokens = tokens;
  }

  /** The model's features as the feature store names them, {@code view:feature}. */
  static List<String> featureRefs(List<String> features) {
    return features.stream().map(f -> VIEW + ":" + f).toList();
  }

  /** Creates the entity and the feature view unless they exist. */
  void createFeatures(List<String> features) throws IOException, InterruptedException {
    created(
        "the entity " + ENTITY,
        post(
            "/api/v1/entities",
            "{\"name\":\""
                + ENTITY
                + "\",\"joinKeys\":[{\"name\":\""
                + JOIN_KEY
                + "\",\"type\":\"INT64\"}]}"));
    StringBuilder columns = new StringBuilder();
    for (String feature : features) {
      columns.append(columns.isEmpty() ? "" : ",").append("{\"name\":\"").append(feature);
      columns.append("\",\"type\":\"FLOAT64\"}");
    }
    created(
        "the feature view " + VIEW,
        post(
            "/api/v1/feature-views",
            "{\"name\":\""
                + VIEW
                + "\",\"entities\":[\""
                + ENTITY
                + "\"],\"ttlSeconds\":604800,\"features\":["
                + columns
                + "]}"));
  }

  /** Ingests one row per entity (an hour old) and materializes the view into the online store. */
  void ingestAndMaterialize(List<String> features, float[][] rows)
      throws IOException, InterruptedException {
    String at = Instant.now().minus(Duration.ofHours(1)).toString();
    StringBuilder csv = new StringBuilder(JOIN_KEY + ",event_timestamp");
    features.forEach(f -> csv.append(',').append(f));
    csv.append('\n');
    for (int e = 0; e < rows.length; e++) {
      csv.append(e).append(',').append(at);
      for (float value : rows[e]) {
        csv.append(',').append(BenchInputs.text(value));
      }
      csv.append('\n');
    }
    waitForJob(
        send(
            "POST",
            "/api/v1/feature-views/" + VIEW + "/rows?async=true",
            "text/csv",
            csv.toString().getBytes(StandardCharsets.UTF_8)),
        "ingesting into " + VIEW);
    waitForJob(
        post("/api/v1/feature-views/" + VIEW + "/materialize", "{}"), "materializing " + VIEW);
    LOG.info(() -> "ingested and materialized " + rows.length + " entity rows into " + VIEW);
  }

  /** Registers the trained bytes as a new version of {@value #MODEL}, aliased {@value #ALIAS}. */
  int register(SyntheticLogisticRegression.Trained model) throws IOException, InterruptedException {
    created(
        "the model " + MODEL,
        post(
            "/api/v1/models",
            "{\"name\":\"" + MODEL + "\",\"description\":\"serving benchmark\"}"));
    String metadata =
        "{\"description\":\"serving benchmark: Tribuo logistic regression, 8 features\","
            + "\"features\":"
            + jsonStrings(featureRefs(model.features()))
            + ",\"labels\":"
            + jsonStrings(model.labels())
            + "}";
    String boundary = "bench-" + UUID.randomUUID();
    byte[] body = MultipartUpload.body(boundary, "bench_lr.onnx", model.onnx(), metadata);
    HttpResponse<String> uploaded =
        send(
            "POST",
            "/api/v1/models/" + MODEL + "/versions",
            "multipart/form-data; boundary=" + boundary,
            body);
    Matcher version = VERSION.matcher(uploaded.body());
    if (uploaded.statusCode() != 201 || !version.find()) {
      throw new IllegalStateException(
          "uploading a version of "
              + MODEL
              + " answered "
              + uploaded.statusCode()
              + ": "
              + uploaded.body());
    }
    int number = Integer.parseInt(version.group(1));
    ok(
        "moving the alias " + ALIAS,
        send(
            "PUT",
            "/api/v1/models/" + MODEL + "/aliases/" + ALIAS,
            "application/json",
            ("{\"version\":" + number + ",\"reason\":\"serving benchmark\"}")
                .getBytes(StandardCharsets.UTF_8)));
    LOG.info(() -> "registered " + MODEL + " version " + number + " as " + ALIAS);
    return number;
  }

  /**
   * Deploys {@value #MODEL} following {@value #ALIAS} (no cache, no batching) and waits until
   * {@code /v2} answers {@code probe} from {@code version}.
   */
  void deploy(int version, byte[] probe) throws IOException, InterruptedException {
    HttpResponse<String> deployed =
        ok(
            "deploying " + MODEL,
            send(
                "PUT",
                "/api/v1/deployments/" + MODEL,
                "application/json",
                ("{\"alias\":\"" + ALIAS + "\",\"cacheEntries\":0}")
                    .getBytes(StandardCharsets.UTF_8)));
    LOG.info(() -> "deployed: " + deployed.body());
    String served = "\"model_version\":\"" + version + "\"";
    long deadline = System.nanoTime() + DEADLINE_NANOS;
    HttpResponse<String> answer;
    do {
      answer = send("POST", INFER_PATH, "application/json", probe);
      if (answer.statusCode() == 200 && answer.body().contains(served)) {
        return;
      }
      Thread.sleep(200);
    } while (System.nanoTime() - deadline < 0);
    throw new IllegalStateException(
        INFER_PATH
            + " did not answer from version "
            + version
            + " within 5 minutes; last answer "
            + answer.statusCode()
            + ": "
            + answer.body());
  }

  private static String jsonStrings(List<String> values) {
    StringBuilder json = new StringBuilder("[");
    for (String value : values) {
      json.append(json.length() == 1 ? "" : ",").append('"').append(value).append('"');
    }
    return json.append(']').toString();
  }

  private static void created(String what, HttpResponse<String> answer) {
    if (answer.statusCode() != 201 && answer.statusCode() != 409) {
      throw new IllegalStateException(
          "creating " + what + " answered " + answer.statusCode() + ": " + answer.body());
    }
  }

  private static HttpResponse<String> ok(String what, HttpResponse<String> answer) {
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(
          what + " answered " + answer.statusCode() + ": " + answer.body());
    }
    return answer;
  }

  private void waitForJob(HttpResponse<String> accepted, String what)
      throws IOException, InterruptedException {
    new JobWaiter(http, base, tokens).await(accepted, what);
  }

  private HttpResponse<String> post(String path, String json)
      throws IOException, InterruptedException {
    return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(String method, String path, String contentType, byte[] body)
      throws IOException, InterruptedException {
    return http.send(
        authorized(path)
            .header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder authorized(String path) throws IOException, InterruptedException {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + tokens.current());
  }
}
