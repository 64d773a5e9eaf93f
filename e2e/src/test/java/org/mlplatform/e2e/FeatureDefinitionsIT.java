package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Entities and feature views over REST as a data scientist works with them, on the real server. */
@ExtendWith(RunningPlatform.class)
class FeatureDefinitionsIT {

  private static JsonObject object(HttpResponse<String> response) {
    return (JsonObject) Http.json(response.body());
  }

  @Test
  void aDataScientistDefinesAVersionedFeatureViewAndEveryChangeIsAudited() {
    String alice = Http.accessToken("alice");
    HttpResponse<String> entity =
        Http.json(
            "POST",
            "/api/v1/entities",
            alice,
            "{\"name\":\"e2e_customer\",\"joinKeys\":[{\"name\":\"e2e_customer_id\",\"type\":\"INT64\"}]}");
    assertThat(entity.statusCode()).as(entity.body()).isEqualTo(201);

    String view =
        "{\"name\":\"e2e_txn\",\"entities\":[\"e2e_customer\"],\"ttlSeconds\":86400,"
            + "\"features\":[{\"name\":\"amount_avg\",\"type\":\"FLOAT64\"}],\"tags\":[\"payments\"]}";
    HttpResponse<String> created = Http.json("POST", "/api/v1/feature-views", alice, view);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(object(created).getInt("version")).isEqualTo(1);
    assertThat(object(created).getString("owner")).isEqualTo("alice");

    String wider =
        view.replace(
            "[{\"name\":\"amount_avg\",\"type\":\"FLOAT64\"}]",
            "[{\"name\":\"amount_avg\",\"type\":\"FLOAT64\"},{\"name\":\"n\",\"type\":\"INT64\"}]");
    HttpResponse<String> updated = Http.json("PUT", "/api/v1/feature-views/e2e_txn", alice, wider);
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
    assertThat(object(updated).getInt("version")).isEqualTo(2);

    HttpResponse<String> v1 =
        Http.get("/api/v1/feature-views/e2e_txn/versions/1", Http.accessToken("victor"));
    assertThat(v1.statusCode()).isEqualTo(200);
    assertThat(object(v1).getJsonArray("features")).hasSize(1);

    JsonArray audit =
        (JsonArray) Http.json(Http.get("/api/v1/audit?limit=50", Http.accessToken("carol")).body());
    assertThat(
            audit.stream()
                .map(JsonObject.class::cast)
                .map(a -> a.getString("action") + " " + a.getString("target")))
        .contains(
            "entity.create entity:e2e_customer",
            "feature_view.create feature_view:e2e_txn:v1",
            "feature_view.update feature_view:e2e_txn:v2");

    HttpResponse<String> inUse = Http.json("DELETE", "/api/v1/entities/e2e_customer", alice, null);
    assertThat(inUse.statusCode()).isEqualTo(409);
    assertThat(Http.json("DELETE", "/api/v1/feature-views/e2e_txn", alice, null).statusCode())
        .isEqualTo(204);
    assertThat(Http.json("DELETE", "/api/v1/entities/e2e_customer", alice, null).statusCode())
        .isEqualTo(204);
    assertThat(Http.get("/api/v1/feature-views/e2e_txn", alice).statusCode()).isEqualTo(404);
  }

  @Test
  void badInputIsA400NamingTheField() {
    String alice = Http.accessToken("alice");

    HttpResponse<String> badType =
        Http.json(
            "POST",
            "/api/v1/entities",
            alice,
            "{\"name\":\"x\",\"joinKeys\":[{\"name\":\"k\",\"type\":\"DECIMAL\"}]}");
    assertThat(badType.statusCode()).isEqualTo(400);
    assertThat(object(badType).getString("field")).isEqualTo("joinKeys[0].type");

    HttpResponse<String> pathTrick = Http.get("/api/v1/entities/..%2F..%2Fetc", alice);
    assertThat(pathTrick.statusCode()).isIn(400, 404);

    HttpResponse<String> malformed =
        Http.json("POST", "/api/v1/feature-views", alice, "{\"name\":");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(object(malformed).getString("field")).isEqualTo("body");

    HttpResponse<String> unknownEntity =
        Http.json(
            "POST",
            "/api/v1/feature-views",
            alice,
            "{\"name\":\"v\",\"entities\":[\"nobody\"],\"features\":[{\"name\":\"f\",\"type\":\"INT64\"}]}");
    assertThat(unknownEntity.statusCode()).isEqualTo(400);
    assertThat(object(unknownEntity).getString("error")).contains("unknown entity nobody");
  }

  @Test
  void aViewerMayReadButNotDefine() {
    String victor = Http.accessToken("victor");

    assertThat(Http.get("/api/v1/feature-views", victor).statusCode()).isEqualTo(200);
    HttpResponse<String> refused =
        Http.json(
            "POST",
            "/api/v1/entities",
            victor,
            "{\"name\":\"nope\",\"joinKeys\":[{\"name\":\"k\",\"type\":\"INT64\"}]}");
    assertThat(refused.statusCode()).isEqualTo(403);
  }
}
