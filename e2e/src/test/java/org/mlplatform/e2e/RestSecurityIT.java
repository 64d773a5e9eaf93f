package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The REST API with real Keycloak tokens: who gets in, who is refused, and how. */
@ExtendWith(RunningPlatform.class)
class RestSecurityIT {

  @ParameterizedTest
  @CsvSource({
    "alice, Alice Archer, data-scientist",
    "bob, Bob Baker, reviewer",
    "carol, Carol Carter, admin",
    "victor, Victor Vance, viewer"
  })
  void meAnswersEveryRoleWithItsIdentity(String user, String name, String role) {
    HttpResponse<String> response = Http.get("/api/v1/me", Http.accessToken(user));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject me = (JsonObject) Http.json(response.body());
    assertThat(me.getString("username")).isEqualTo(user);
    assertThat(me.getString("displayName")).isEqualTo(name);
    assertThat(me.getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString))
        .contains(role)
        .doesNotContain("offline_access", "uma_authorization", "default-roles-mlp");
  }

  @Test
  void auditIsForAdminsOnly() {
    HttpResponse<String> carol = Http.get("/api/v1/audit?limit=5", Http.accessToken("carol"));
    assertThat(carol.statusCode()).isEqualTo(200);
    assertThat(Http.json(carol.body())).isInstanceOf(JsonArray.class);

    for (String other : new String[] {"alice", "bob", "victor"}) {
      HttpResponse<String> refused = Http.get("/api/v1/audit", Http.accessToken(other));
      assertThat(refused.statusCode()).as(other).isEqualTo(403);
      assertThat(refused.headers().firstValue("Content-Type"))
          .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
      assertThat(((JsonObject) Http.json(refused.body())).getString("error"))
          .contains("requires one of the roles admin");
    }
  }

  @Test
  void everyMutatingCallLeavesOneAuditRecordWhateverItsOutcome() {
    String entity = "audited_" + Long.toString(System.nanoTime(), 36);
    String body =
        "{\"name\":\"" + entity + "\",\"joinKeys\":[{\"name\":\"id\",\"type\":\"INT64\"}]}";
    String carol = Http.accessToken("carol");

    assertThat(Http.json("POST", "/api/v1/entities", Http.accessToken("victor"), body).statusCode())
        .isEqualTo(403);
    assertThat(
            Http.json(
                    "POST",
                    "/api/v1/entities",
                    Http.accessToken("alice"),
                    "{\"name\":\"Bad Name\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(Http.json("POST", "/api/v1/entities", Http.accessToken("alice"), body).statusCode())
        .isEqualTo(201);

    JsonArray denied =
        (JsonArray)
            Http.json(
                Http.get("/api/v1/audit?actor=victor&outcome=DENIED&action=api.entities", carol)
                    .body());
    assertThat(denied.getValuesAs(JsonObject.class))
        .anySatisfy(
            r -> {
              assertThat(r.getString("action")).isEqualTo("api.entities.create");
              assertThat(r.getString("summary")).contains("403", "requires one of the roles");
            });
    JsonArray failed =
        (JsonArray)
            Http.json(
                Http.get("/api/v1/audit?actor=alice&outcome=FAILED&action=api.entities", carol)
                    .body());
    assertThat(failed.getValuesAs(JsonObject.class))
        .anySatisfy(r -> assertThat(r.getString("summary")).contains("400"));
    // The service described the successful create itself; no second, generic record.
    JsonArray created =
        (JsonArray) Http.json(Http.get("/api/v1/audit?actor=alice&target=" + entity, carol).body());
    assertThat(created.getValuesAs(JsonObject.class))
        .extracting(r -> r.getString("action"))
        .containsExactly("entity.create");
  }

  @Test
  void aBadQueryParameterIsA400NotA500() {
    HttpResponse<String> response = Http.get("/api/v1/audit?limit=0", Http.accessToken("carol"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(((JsonObject) Http.json(response.body())).getString("error")).contains("limit");
  }

  @Test
  void noTokenIs401WithAJsonBody() {
    HttpResponse<String> response = Http.get("/api/v1/me", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"mlp\"");
    assertThat(((JsonObject) Http.json(response.body())).getString("error"))
        .contains("missing bearer token");
  }

  @Test
  void aTamperedTokenIs401() {
    String[] parts = Http.accessToken("victor").split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
            .replace("\"viewer\"", "\"admin\"");
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            + "."
            + parts[2];

    HttpResponse<String> response = Http.get("/api/v1/audit", forged);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(((JsonObject) Http.json(response.body())).getString("error"))
        .contains("invalid bearer token");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-a-jwt", "a.b.c", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."})
  void garbageTokensAre401(String token) {
    assertThat(Http.get("/api/v1/me", token).statusCode()).isEqualTo(401);
  }

  @Test
  void anIdTokenIsNotABearerToken() {
    String idToken = Http.tokens("carol").getString("id_token");

    assertThat(Http.get("/api/v1/me", idToken).statusCode()).isEqualTo(401);
  }

  @Test
  void unknownPathsAndMethodsAnswerJson() {
    String token = Http.accessToken("alice");

    for (String path : new String[] {"/api/v1/no-such-thing", "/api/v9/x", "/v2/models/x"}) {
      HttpResponse<String> missing = Http.get(path, token);
      assertThat(missing.statusCode()).as(path).isEqualTo(404);
      assertThat(((JsonObject) Http.json(missing.body())).getString("error")).isNotBlank();
    }
    HttpResponse<String> wrongMethod =
        Http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(RunningPlatform.BASE + "/api/v1/me"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{broken"))
                .build());
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(((JsonObject) Http.json(wrongMethod.body())).getString("error"))
        .contains("method not allowed");
  }
}
