package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;

/** Training sets over REST, as the e2e tests use them. */
final class TrainingSetApi {

  private TrainingSetApi() {}

  /** The entity {@code ts_customer} ({@code tsc_id INT64}); a 409 when it exists already. */
  static void defineCustomer(String token) {
    Http.json(
        "POST",
        "/api/v1/entities",
        token,
        "{\"name\":\"ts_customer\",\"joinKeys\":[{\"name\":\"tsc_id\",\"type\":\"INT64\"}]}");
  }

  /** Waits up to a minute for the training set to stop building, and wants it READY. */
  static JsonObject awaitReady(String token, String id) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    JsonObject set = null;
    while (Instant.now().isBefore(deadline)) {
      set = (JsonObject) Http.json(Http.get("/api/v1/training-sets/" + id, token).body());
      if (!set.getString("state").equals("BUILDING")) {
        break;
      }
      Thread.sleep(200);
    }
    assertThat(set).isNotNull();
    assertThat(set.getString("state")).as(set.toString()).isEqualTo("READY");
    return set;
  }
}
