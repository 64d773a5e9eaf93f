package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Personal data: a view tagged pii is answered in clear to a data scientist and masked to a viewer,
 * over the online-features API and the view's sample rows.
 */
@ExtendWith(RunningPlatform.class)
class PiiMaskingIT {

  @Test
  void aViewerSeesPersonalValuesMaskedAndADataScientistInClear() throws InterruptedException {
    String alice = Http.accessToken("alice");
    Http.json(
        "POST",
        "/api/v1/entities",
        alice,
        "{\"name\":\"pii_person\",\"joinKeys\":[{\"name\":\"pii_person_id\",\"type\":\"INT64\"}]}");
    HttpResponse<String> view =
        Http.json(
            "POST",
            "/api/v1/feature-views",
            alice,
            "{\"name\":\"pii_profile\",\"entities\":[\"pii_person\"],\"tags\":[\"pii\"],"
                + "\"features\":[{\"name\":\"age\",\"type\":\"INT64\"}]}");
    // A view holding rows cannot be deleted, so a rerun reuses it.
    assertThat(view.statusCode()).as(view.body()).isIn(201, 409);
    HttpResponse<String> rows =
        Http.json(
            "POST",
            "/api/v1/feature-views/pii_profile/rows",
            alice,
            "[{\"pii_person_id\":7,\"event_timestamp\":\"2026-01-01T00:00:00Z\",\"age\":41}]");
    assertThat(rows.statusCode()).as(rows.body()).isEqualTo(200);
    HttpResponse<String> queued =
        Http.json("POST", "/api/v1/feature-views/pii_profile/materialize", alice, "{}");
    assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
    awaitJob(((JsonObject) Http.json(queued.body())).getString("jobId"), alice);
    String lookup = "{\"features\":[\"pii_profile:age\"],\"entities\":{\"pii_person_id\":[7]}}";

    JsonObject asVictor =
        ok(Http.json("POST", "/api/v1/online-features", Http.accessToken("victor"), lookup));
    JsonObject asAlice = ok(Http.json("POST", "/api/v1/online-features", alice, lookup));

    JsonObject masked = asVictor.getJsonArray("results").getJsonObject(1);
    assertThat(masked.getJsonArray("values").toString()).isEqualTo("[null]");
    assertThat(masked.getJsonArray("statuses").toString()).isEqualTo("[\"PRESENT\"]");
    assertThat(asVictor.getJsonArray("masked").toString()).isEqualTo("[\"age\"]");
    assertThat(asAlice.getJsonArray("results").getJsonObject(1).getJsonArray("values").toString())
        .isEqualTo("[41]");
    assertThat(asAlice.containsKey("masked")).isFalse();

    HttpResponse<String> sample =
        Http.get("/api/v1/feature-views/pii_profile/sample", Http.accessToken("victor"));
    assertThat(sample.statusCode()).as(sample.body()).isEqualTo(200);
    assertThat(sample.body()).doesNotContain("41");
    assertThat(sample.headers().firstValue("X-MLP-Masked")).hasValue("age");
  }

  private static JsonObject ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return (JsonObject) Http.json(response.body());
  }

  private static void awaitJob(String jobId, String token) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    String state = "";
    while (Instant.now().isBefore(deadline)) {
      state =
          ((JsonObject) Http.json(Http.get("/api/v1/jobs/" + jobId, token).body()))
              .getString("state");
      if (state.equals("SUCCEEDED") || state.equals("FAILED")) {
        break;
      }
      Thread.sleep(200);
    }
    assertThat(state).isEqualTo("SUCCEEDED");
  }
}
