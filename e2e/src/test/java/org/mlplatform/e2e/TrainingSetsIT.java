package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Feature services and point-in-time training sets over REST, and derived features agreeing between
 * a training set and an online lookup. Names carry a per-run suffix: views holding rows cannot be
 * deleted, and the platform's data directory outlives a local test run.
 */
@ExtendWith(RunningPlatform.class)
class TrainingSetsIT {

  private static final String RUN = Long.toString(System.nanoTime(), 36);
  private static final String SPEND = "ts_spend_" + RUN;
  private static final String RISK = "ts_risk_" + RUN;
  private static final String SERVICE = "ts_fraud_" + RUN;

  private static String alice;

  @BeforeAll
  static void defineAndIngest() {
    alice = Http.accessToken("alice");
    TrainingSetApi.defineCustomer(alice);
    Http.json(
        "POST",
        "/api/v1/entities",
        alice,
        "{\"name\":\"ts_merchant\",\"joinKeys\":[{\"name\":\"tsm_id\",\"type\":\"STRING\"}]}");
    created(
        Http.json(
            "POST",
            "/api/v1/feature-views",
            alice,
            "{\"name\":\""
                + SPEND
                + "\",\"entities\":[\"ts_customer\"],\"ttlSeconds\":36000,"
                + "\"features\":[{\"name\":\"avg_amount\",\"type\":\"FLOAT64\"},"
                + "{\"name\":\"txn_count\",\"type\":\"INT32\"}],"
                + "\"requestFields\":[{\"name\":\"amount\",\"type\":\"FLOAT64\"}],"
                + "\"derivedFeatures\":[{\"name\":\"amount_ratio\",\"expression\":\"amount / avg_amount\"}]}"));
    created(
        Http.json(
            "POST",
            "/api/v1/feature-views",
            alice,
            "{\"name\":\""
                + RISK
                + "\",\"entities\":[\"ts_merchant\"],"
                + "\"features\":[{\"name\":\"score\",\"type\":\"FLOAT32\"}]}"));
    ingest(
        SPEND,
        "[{\"tsc_id\":1,\"event_timestamp\":\"2026-03-01T01:00:00Z\",\"avg_amount\":10.0,\"txn_count\":1},"
            + "{\"tsc_id\":1,\"event_timestamp\":\"2026-03-01T05:00:00Z\",\"avg_amount\":50.0,\"txn_count\":5},"
            + "{\"tsc_id\":2,\"event_timestamp\":\"2026-03-01T01:00:00Z\",\"avg_amount\":20.0,\"txn_count\":2}]");
    ingest(
        RISK, "[{\"tsm_id\":\"m1\",\"event_timestamp\":\"2026-02-01T00:00:00Z\",\"score\":0.25}]");
    created(
        Http.json(
            "POST",
            "/api/v1/feature-services",
            alice,
            "{\"name\":\""
                + SERVICE
                + "\",\"features\":[\""
                + SPEND
                + ":avg_amount\",\""
                + SPEND
                + ":amount_ratio\",\""
                + RISK
                + ":score\"],\"description\":\"fraud model inputs\"}"));
  }

  private static void created(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  private static void ingest(String view, String rows) {
    HttpResponse<String> response =
        Http.json("POST", "/api/v1/feature-views/" + view + "/rows", alice, rows);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private static JsonObject object(HttpResponse<String> response) {
    return (JsonObject) Http.json(response.body());
  }

  @Test
  void aFeatureServiceBuildsAPointInTimeSnapshotWithLineageHashAndStatistics() throws Exception {
    HttpResponse<String> accepted =
        Http.json(
            "POST",
            "/api/v1/training-sets",
            alice,
            "{\"featureService\":\""
                + SERVICE
                + "\",\"description\":\"march\",\"entityRows\":["
                + "{\"event_timestamp\":\"2026-03-01T00:30:00Z\",\"tsc_id\":1,\"tsm_id\":\"m1\",\"amount\":5,\"label\":0},"
                + "{\"event_timestamp\":\"2026-03-01T04:00:00Z\",\"tsc_id\":1,\"tsm_id\":\"m1\",\"amount\":20,\"label\":1},"
                + "{\"event_timestamp\":\"2026-03-01T05:00:00Z\",\"tsc_id\":1,\"tsm_id\":\"m2\",\"amount\":100,\"label\":0},"
                + "{\"event_timestamp\":\"2026-03-01T11:00:01Z\",\"tsc_id\":2,\"tsm_id\":\"m1\",\"amount\":1,\"label\":1}]}");

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    assertThat(accepted.headers().firstValue("Location")).isPresent();
    JsonObject set = awaitReady(object(accepted).getString("id"));

    assertThat(set.getString("featureService")).isEqualTo(SERVICE + ":1");
    assertThat(set.getJsonObject("viewVersions").getInt(SPEND)).isEqualTo(1);
    assertThat(set.getJsonObject("derivedExpressions").getString(SPEND + ":amount_ratio"))
        .isEqualTo("amount / avg_amount");
    assertThat(set.getInt("rowCount")).isEqualTo(4);
    assertThat(set.getString("firstEventTime")).isEqualTo("2026-03-01T00:30:00Z");
    JsonArray statistics = set.getJsonArray("statistics");
    JsonObject avg = column(statistics, SPEND + "__avg_amount");
    assertThat(avg.getInt("nullCount")).isEqualTo(2); // before the first value, and past the TTL
    assertThat(avg.getJsonObject("numeric").getJsonArray("histogram")).isNotEmpty();

    HttpResponse<String> csv =
        Http.get("/api/v1/training-sets/" + set.getString("id") + "/data", alice);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body().lines().toList())
        .containsExactly(
            "event_timestamp,tsc_id,tsm_id,amount,label,"
                + SPEND
                + "__avg_amount,"
                + SPEND
                + "__amount_ratio,"
                + RISK
                + "__score",
            "2026-03-01T00:30:00Z,1,m1,5.0,0,,,0.25",
            "2026-03-01T04:00:00Z,1,m1,20.0,1,10.0,2.0,0.25",
            "2026-03-01T05:00:00Z,1,m2,100.0,0,50.0,2.0,",
            "2026-03-01T11:00:01Z,2,m1,1.0,1,,,0.25");
    String sha256 =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(csv.body().getBytes(StandardCharsets.UTF_8)));
    assertThat(sha256).isEqualTo(set.getString("sha256"));

    HttpResponse<String> json =
        Http.get("/api/v1/training-sets/" + set.getString("id") + "/data?format=json", alice);
    JsonObject second = ((JsonArray) Http.json(json.body())).getJsonObject(1);
    assertThat(second.getJsonNumber(SPEND + "__amount_ratio").doubleValue()).isEqualTo(2.0);
    assertThat(second.getString("tsm_id")).isEqualTo("m1");
  }

  @Test
  void entityRowsCanBeACsvUploadWithTheFeaturesInTheQuery() throws Exception {
    String features =
        URLEncoder.encode(SPEND + ":txn_count," + RISK + ":score", StandardCharsets.UTF_8);
    HttpResponse<String> accepted =
        Http.send(
            HttpRequest.newBuilder(
                    URI.create(RunningPlatform.BASE + "/api/v1/training-sets?features=" + features))
                .header("Authorization", "Bearer " + alice)
                .header("Content-Type", "text/csv")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "tsc_id,tsm_id,event_timestamp\n2,m1,2026-03-01T02:00:00Z\n1,m9,2026-03-01T05:00:00Z\n"))
                .build());

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    JsonObject set = awaitReady(object(accepted).getString("id"));
    HttpResponse<String> csv =
        Http.get("/api/v1/training-sets/" + set.getString("id") + "/data", alice);
    assertThat(csv.body().lines().skip(1).toList())
        .containsExactly("2026-03-01T02:00:00Z,2,m1,2,0.25", "2026-03-01T05:00:00Z,1,m9,5,");
    assertThat(Http.get("/api/v1/training-sets", Http.accessToken("victor")).body())
        .contains(set.getString("id"));
  }

  @Test
  void theCsvDownloadIsSpreadsheetSafeUnlessRawIsAsked() throws Exception {
    HttpResponse<String> accepted =
        Http.json(
            "POST",
            "/api/v1/training-sets",
            alice,
            "{\"features\":[\""
                + SPEND
                + ":txn_count\"],\"entityRows\":["
                + "{\"event_timestamp\":\"2026-03-01T01:30:00Z\",\"tsc_id\":1,\"note\":\"=1+1\",\"delta\":-2.5},"
                + "{\"event_timestamp\":\"2026-03-01T02:00:00Z\",\"tsc_id\":2,\"note\":\"-abc\",\"delta\":3.5}]}");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    JsonObject set = awaitReady(object(accepted).getString("id"));
    String data = "/api/v1/training-sets/" + set.getString("id") + "/data";

    HttpResponse<String> safe = Http.get(data, alice);
    assertThat(safe.statusCode()).isEqualTo(200);
    assertThat(safe.headers().firstValue("X-MLP-Csv")).contains("spreadsheet-safe");
    assertThat(safe.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment");
    assertThat(safe.body()).contains(",'=1+1,-2.5,", ",'-abc,3.5,").doesNotContain(",=1+1,");

    HttpResponse<String> raw = Http.get(data + "?raw=true", alice);
    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.headers().firstValue("X-MLP-Csv")).contains("raw");
    assertThat(raw.body()).contains(",=1+1,-2.5,", ",-abc,3.5,").doesNotContain("'");
    assertThat(
            HexFormat.of()
                .formatHex(
                    MessageDigest.getInstance("SHA-256")
                        .digest(raw.body().getBytes(StandardCharsets.UTF_8))))
        .isEqualTo(set.getString("sha256"));

    assertThat(Http.get(data + "?raw=maybe", alice).statusCode()).isEqualTo(400);
  }

  @Test
  void derivedFeaturesAgreeBetweenTheTrainingSetAndTheOnlineStore() throws Exception {
    Instant now = Instant.now();
    ingest(
        SPEND,
        "[{\"tsc_id\":3,\"event_timestamp\":\""
            + now.minus(Duration.ofHours(1))
            + "\",\"avg_amount\":25.0,\"txn_count\":1}]");
    HttpResponse<String> queued =
        Http.json("POST", "/api/v1/feature-views/" + SPEND + "/materialize", alice, "{}");
    assertThat(awaitJob(object(queued).getString("jobId")).getString("state"))
        .isEqualTo("SUCCEEDED");

    HttpResponse<String> online =
        Http.json(
            "POST",
            "/api/v1/online-features",
            alice,
            "{\"feature_service\":\""
                + SERVICE
                + "\",\"entities\":{\"tsc_id\":[3,1],\"tsm_id\":[\"m1\",\"m1\"]},"
                + "\"request_context\":{\"amount\":[125.0,125.0]}}");
    HttpResponse<String> accepted =
        Http.json(
            "POST",
            "/api/v1/training-sets",
            alice,
            "{\"features\":[\""
                + SPEND
                + ":amount_ratio\"],\"entityRows\":["
                + "{\"event_timestamp\":\""
                + now
                + "\",\"tsc_id\":3,\"amount\":125.0},"
                + "{\"event_timestamp\":\""
                + now
                + "\",\"tsc_id\":1,\"amount\":125.0}]}");

    assertThat(online.statusCode()).as(online.body()).isEqualTo(200);
    JsonObject ratio = object(online).getJsonArray("results").getJsonObject(3);
    assertThat(ratio.getJsonArray("values").toString()).isEqualTo("[5.0,null]");
    // Customer 1's newest row is months old: past the view's 10 h TTL on both sides.
    assertThat(ratio.getJsonArray("statuses").toString())
        .isEqualTo("[\"PRESENT\",\"OUTSIDE_MAX_AGE\"]");
    JsonObject set = awaitReady(object(accepted).getString("id"));
    assertThat(
            Http.get("/api/v1/training-sets/" + set.getString("id") + "/data", alice)
                .body()
                .lines()
                .skip(1)
                .map(line -> line.substring(line.lastIndexOf(',') + 1))
                .toList())
        .containsExactly("5.0", "");
  }

  @Test
  void badRequestsAre400sNamingTheProblemAndViewersCannotBuild() {
    assertThat(
            error(
                "{\"features\":[\""
                    + SPEND
                    + ":nope\"],\"entityRows\":[{\"event_timestamp\":\"2026-03-01T00:00:00Z\",\"tsc_id\":1}]}"))
        .contains("has no feature nope");
    assertThat(
            error(
                "{\"features\":[\""
                    + SPEND
                    + ":avg_amount\"],\"entityRows\":[{\"event_timestamp\":\"2026-03-01T00:00:00Z\"}]}"))
        .contains("need a column tsc_id (INT64)");
    assertThat(
            error(
                "{\"features\":[\""
                    + SPEND
                    + ":avg_amount\"],\"entityRows\":[{\"event_timestamp\":\"yesterday\",\"tsc_id\":1}]}"))
        .contains("row 1");
    assertThat(
            error(
                "{\"featureService\":\"no_such_service\",\"entityRows\":[{\"event_timestamp\":\"2026-03-01T00:00:00Z\",\"tsc_id\":1}]}"))
        .contains("no feature service named no_such_service");
    assertThat(
            error(
                "{\"features\":[\""
                    + SPEND
                    + ":amount_ratio\"],\"entityRows\":[{\"event_timestamp\":\"2026-03-01T00:00:00Z\",\"tsc_id\":1}]}"))
        .contains("need a column amount (FLOAT64)");
    assertThat(Http.get("/api/v1/training-sets/not-a-uuid", alice).statusCode()).isEqualTo(400);
    assertThat(Http.get("/api/v1/training-sets/" + java.util.UUID.randomUUID(), alice).statusCode())
        .isEqualTo(404);
    HttpResponse<String> viewer =
        Http.json(
            "POST",
            "/api/v1/training-sets",
            Http.accessToken("victor"),
            "{\"features\":[\"" + SPEND + ":avg_amount\"],\"entityRows\":[]}");
    assertThat(viewer.statusCode()).isEqualTo(403);
  }

  @Test
  void aFeatureServiceIsVersionedAndProtectsWhatItUses() {
    HttpResponse<String> same =
        Http.json(
            "PUT",
            "/api/v1/feature-services/" + SERVICE,
            alice,
            "{\"features\":[\""
                + SPEND
                + ":avg_amount\",\""
                + SPEND
                + ":amount_ratio\",\""
                + RISK
                + ":score\"],\"description\":\"reworded\"}");
    assertThat(object(same).getInt("version")).isEqualTo(1);

    String other = "ts_other_" + RUN;
    created(
        Http.json(
            "POST",
            "/api/v1/feature-services",
            alice,
            "{\"name\":\"" + other + "\",\"features\":[\"" + RISK + ":score\"]}"));
    HttpResponse<String> wider =
        Http.json(
            "PUT",
            "/api/v1/feature-services/" + other,
            alice,
            "{\"features\":[\"" + RISK + ":score\",\"" + SPEND + ":txn_count\"]}");
    assertThat(object(wider).getInt("version")).isEqualTo(2);
    assertThat(object(wider).getJsonArray("versions").toString()).isEqualTo("[1,2]");
    assertThat(
            object(Http.get("/api/v1/feature-services/" + other + "/versions/1", alice))
                .getJsonArray("features")
                .size())
        .isEqualTo(1);
    HttpResponse<String> bad =
        Http.json(
            "POST",
            "/api/v1/feature-services",
            alice,
            "{\"name\":\"ts_bad_" + RUN + "\",\"features\":[\"" + RISK + ":missing\"]}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(object(bad).getString("field")).isEqualTo("features");

    HttpResponse<String> dropUsed =
        Http.json(
            "PUT",
            "/api/v1/feature-views/" + RISK,
            alice,
            "{\"entities\":[\"ts_merchant\"],\"features\":[{\"name\":\"other\",\"type\":\"FLOAT32\"}]}");
    assertThat(dropUsed.statusCode()).isEqualTo(409);
    assertThat(object(dropUsed).getString("error")).contains("used by feature service");

    assertThat(Http.json("DELETE", "/api/v1/feature-services/" + other, alice, null).statusCode())
        .isEqualTo(204);
    assertThat(Http.get("/api/v1/feature-services/" + other, alice).statusCode()).isEqualTo(404);
  }

  @Test
  void aBadExpressionIsA400PointingAtIt() {
    HttpResponse<String> bad =
        Http.json(
            "POST",
            "/api/v1/feature-views",
            alice,
            "{\"name\":\"ts_expr_"
                + RUN
                + "\",\"entities\":[\"ts_customer\"],"
                + "\"features\":[{\"name\":\"x\",\"type\":\"FLOAT64\"}],"
                + "\"derivedFeatures\":[{\"name\":\"y\",\"expression\":\"x * unknown_thing\"}]}");

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(object(bad).getString("field")).isEqualTo("derivedFeatures[0].expression");
    assertThat(object(bad).getString("error")).contains("column 5").contains("unknown_thing");
  }

  private static String error(String body) {
    HttpResponse<String> response = Http.json("POST", "/api/v1/training-sets", alice, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    return response.body();
  }

  private static JsonObject column(JsonArray statistics, String name) {
    return statistics.stream()
        .map(JsonObject.class::cast)
        .filter(c -> c.getString("column").equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static JsonObject awaitReady(String id) throws InterruptedException {
    return TrainingSetApi.awaitReady(alice, id);
  }

  private static JsonObject awaitJob(String jobId) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    JsonObject job = null;
    while (Instant.now().isBefore(deadline)) {
      job = object(Http.get("/api/v1/jobs/" + jobId, alice));
      if (job.getString("state").equals("SUCCEEDED") || job.getString("state").equals("FAILED")) {
        break;
      }
      Thread.sleep(200);
    }
    return job;
  }
}
