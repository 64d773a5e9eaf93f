package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Ingesting feature rows over REST: JSON and CSV, all-or-nothing validation, background jobs. */
@ExtendWith(RunningPlatform.class)
class FeatureIngestionIT {

  private String alice;

  @BeforeEach
  void defineAView() {
    alice = Http.accessToken("alice");
    Http.json(
        "POST",
        "/api/v1/entities",
        alice,
        "{\"name\":\"ing_customer\",\"joinKeys\":[{\"name\":\"ing_customer_id\",\"type\":\"INT64\"}]}");
    HttpResponse<String> view =
        Http.json(
            "POST",
            "/api/v1/feature-views",
            alice,
            "{\"name\":\"ing_txn\",\"entities\":[\"ing_customer\"],\"features\":["
                + "{\"name\":\"amount\",\"type\":\"FLOAT64\"},{\"name\":\"n\",\"type\":\"INT64\"}]}");
    // Created by the first test; a view holding rows cannot be deleted, so later tests reuse it.
    assertThat(view.statusCode()).as(view.body()).isIn(201, 409);
  }

  private HttpResponse<String> upload(String contentType, String body, String query) {
    return Http.send(
        HttpRequest.newBuilder(
                URI.create(RunningPlatform.BASE + "/api/v1/feature-views/ing_txn/rows" + query))
            .header("Authorization", "Bearer " + alice)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  @Test
  void jsonAndCsvRowsAreAcceptedAndResendingIsIdempotent() {
    String json =
        "[{\"ing_customer_id\":1,\"event_timestamp\":\"2026-01-01T00:00:00Z\",\"amount\":12.5,\"n\":3},"
            + "{\"ing_customer_id\":2,\"event_timestamp\":\"2026-01-01T00:00:00Z\",\"amount\":7}]";
    HttpResponse<String> first = upload("application/json", json, "");
    HttpResponse<String> again = upload("application/json", json, "");
    HttpResponse<String> csv =
        upload(
            "text/csv",
            "ing_customer_id,event_timestamp,amount,n\r\n3,2026-01-02T00:00:00Z,\"1.5\",2\r\n4,2026-01-02T00:00:00Z,,\r\n",
            "");

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(((JsonObject) Http.json(first.body())).getInt("accepted")).isEqualTo(2);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
    assertThat(((JsonObject) Http.json(csv.body())).getInt("accepted")).isEqualTo(2);

    HttpResponse<String> delete = Http.json("DELETE", "/api/v1/feature-views/ing_txn", alice, null);
    assertThat(delete.statusCode()).isEqualTo(409);
    assertThat(((JsonObject) Http.json(delete.body())).getString("error")).contains("stored rows");
  }

  @Test
  void aBadRowRejectsTheWholeUploadListingRowsAndProblems() {
    HttpResponse<String> rejected =
        upload(
            "application/json",
            "[{\"ing_customer_id\":1,\"event_timestamp\":\"2026-01-01T00:00:00Z\",\"amount\":1},"
                + "{\"ing_customer_id\":\"x\",\"event_timestamp\":\"2026-01-01T00:00:00Z\",\"bogus\":1}]",
            "");

    assertThat(rejected.statusCode()).isEqualTo(400);
    JsonObject body = (JsonObject) Http.json(rejected.body());
    assertThat(body.getString("field")).isEqualTo("rows");
    assertThat(body.getJsonArray("problems").stream().map(JsonObject.class::cast))
        .allSatisfy(p -> assertThat(p.getInt("row")).isEqualTo(2))
        .extracting(p -> p.getString("column"))
        .contains("ing_customer_id", "bogus");
  }

  @Test
  void aBackgroundUploadIsAJobThatFinishes() throws InterruptedException {
    StringBuilder csv = new StringBuilder("ing_customer_id,event_timestamp,amount,n\n");
    for (int i = 0; i < 5_000; i++) {
      csv.append(i)
          .append(",2026-01-03T00:00:00Z,")
          .append(i * 0.5)
          .append(',')
          .append(i)
          .append('\n');
    }
    HttpResponse<String> accepted = upload("text/csv", csv.toString(), "?async=true");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String jobId = ((JsonObject) Http.json(accepted.body())).getString("jobId");

    JsonObject job = awaitJob(jobId);
    assertThat(job).isNotNull();
    assertThat(job.getString("state")).as(job.toString()).isEqualTo("SUCCEEDED");
    assertThat(job.getJsonObject("result").getInt("accepted")).isEqualTo(5_000);
  }

  @Test
  void materializedValuesAreServedOnlineWithAStatusPerValue() throws InterruptedException {
    upload(
        "application/json",
        "[{\"ing_customer_id\":100001,\"event_timestamp\":\"2026-01-01T00:00:00Z\",\"amount\":1.5,\"n\":1},"
            + "{\"ing_customer_id\":100001,\"event_timestamp\":\"2026-01-05T00:00:00Z\",\"amount\":5.5,\"n\":5},"
            + "{\"ing_customer_id\":100002,\"event_timestamp\":\"2026-01-01T00:00:00Z\",\"n\":2}]",
        "");
    HttpResponse<String> queued =
        Http.json("POST", "/api/v1/feature-views/ing_txn/materialize", alice, "{}");
    assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
    assertThat(
            awaitJob(((JsonObject) Http.json(queued.body())).getString("jobId")).getString("state"))
        .isEqualTo("SUCCEEDED");

    HttpResponse<String> answer =
        Http.json(
            "POST",
            "/api/v1/online-features",
            Http.accessToken("victor"),
            "{\"features\":[\"ing_txn:amount\",\"ing_txn:n\"],\"entities\":{\"ing_customer_id\":[100001,100002,100003]}}");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonObject body = (JsonObject) Http.json(answer.body());
    assertThat(body.getJsonObject("metadata").getJsonArray("feature_names").toString())
        .isEqualTo("[\"ing_customer_id\",\"amount\",\"n\"]");
    JsonObject amount = body.getJsonArray("results").getJsonObject(1);
    assertThat(amount.getJsonArray("values").toString()).isEqualTo("[5.5,null,null]");
    assertThat(amount.getJsonArray("statuses").toString())
        .isEqualTo("[\"PRESENT\",\"NULL_VALUE\",\"NOT_FOUND\"]");
    assertThat(amount.getJsonArray("event_timestamps").getString(0))
        .isEqualTo("2026-01-05T00:00:00Z");
  }

  private JsonObject awaitJob(String jobId) throws InterruptedException {
    JsonObject job = null;
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      job = (JsonObject) Http.json(Http.get("/api/v1/jobs/" + jobId, alice).body());
      if (job.getString("state").equals("SUCCEEDED") || job.getString("state").equals("FAILED")) {
        return job;
      }
      Thread.sleep(200);
    }
    return job;
  }

  @Test
  void aViewerCannotIngest() {
    HttpResponse<String> refused =
        Http.send(
            HttpRequest.newBuilder(
                    URI.create(RunningPlatform.BASE + "/api/v1/feature-views/ing_txn/rows"))
                .header("Authorization", "Bearer " + Http.accessToken("victor"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[]"))
                .build());

    assertThat(refused.statusCode()).isEqualTo(403);
  }
}
