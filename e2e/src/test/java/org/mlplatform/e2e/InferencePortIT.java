package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.e2e.ModelApi.object;
import static org.mlplatform.e2e.ServingApi.awaitReady;
import static org.mlplatform.e2e.ServingApi.infer;
import static org.mlplatform.e2e.ServingApi.input;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dedicated inference port ({@code MLP_SERVING_PORT}) carries the calls applications make in
 * their hot path: {@code /v2}, predictions by entity key and online lookups. Each answers as on the
 * platform's port, with the same tokens, roles, limits and errors.
 */
@ExtendWith(RunningPlatform.class)
class InferencePortIT {

  private static final String RUN = Long.toString(System.nanoTime(), 36);
  private static final String VIEW = "ip_stats_" + RUN;
  private static final String MODEL = "ip_fraud_" + RUN;
  private static final String PORT = "http://localhost:" + RunningPlatform.INFERENCE_PORT;
  private static final String PREDICT = "/api/v1/models/" + MODEL + "/predict";
  private static final String LOOKUP = "/api/v1/online-features";

  private static String alice;

  @BeforeAll
  static void trainAndPromote() throws Exception {
    alice = Http.accessToken("alice");
    String set =
        SyntheticCustomers.trainingSet("ip_customer", "ip_id", VIEW, 60, 50, 11, true, alice);
    ModelApi.trainLogisticRegression(RunningPlatform.BASE, MODEL, set, alice);
    ModelApi.promoteToChampion(MODEL, 1, alice);
    awaitReady(alice, MODEL);
  }

  @Test
  void v2AnswersAsOnThePlatformsPort() {
    String body = "{\"id\":\"p-1\",\"inputs\":[" + input(new float[][] {{0.5f, -1.25f}}) + "]}";
    HttpResponse<String> viaPort =
        Http.json(PORT, "POST", "/v2/models/" + MODEL + "/infer", alice, body);
    HttpResponse<String> viaPlatform = infer(alice, "/v2/models/" + MODEL + "/infer", body);

    assertThat(viaPort.statusCode()).as(viaPort.body()).isEqualTo(200);
    assertThat(object(viaPort).getJsonArray("outputs"))
        .isEqualTo(object(viaPlatform).getJsonArray("outputs"));
    assertThat(object(viaPort).getString("id")).isEqualTo("p-1");
    assertThat(viaPort.headers().firstValue("X-Prediction-Id")).isPresent();
    HttpResponse<String> forged =
        Http.send(
            HttpRequest.newBuilder(URI.create(PORT + "/v2/models/" + MODEL))
                .header(
                    "Authorization", "Bearer " + alice.substring(0, alice.length() - 4) + "AAAA")
                .build());
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(
            Http.json(PORT, "POST", "/v2/models/" + MODEL + "/infer", alice, "{\"inputs\":[")
                .statusCode())
        .isEqualTo(400);
    assertThat(Http.get(PORT, "/v2/health/live", alice).statusCode()).isEqualTo(200);
  }

  /** Same model, version, label and probabilities; each port logs under its own prediction id. */
  @Test
  void predictionsByEntityKeyAnswerAsOnThePlatformsPort() {
    String body = "{\"entities\":{\"ip_id\":[3, 999999]}}";
    HttpResponse<String> viaPort = Http.json(PORT, "POST", PREDICT, alice, body);
    HttpResponse<String> viaPlatform = Http.json("POST", PREDICT, alice, body);

    assertThat(viaPort.statusCode()).as(viaPort.body()).isEqualTo(200);
    JsonObject port = object(viaPort);
    JsonObject platform = object(viaPlatform);
    assertThat(port.getString("model")).isEqualTo(MODEL);
    assertThat(port.getInt("version")).isEqualTo(platform.getInt("version"));
    for (int row = 0; row < 2; row++) {
      JsonObject fromPort = port.getJsonArray("predictions").getJsonObject(row);
      JsonObject fromPlatform = platform.getJsonArray("predictions").getJsonObject(row);
      assertThat(fromPort.getString("label")).isEqualTo(fromPlatform.getString("label"));
      assertThat(fromPort.getJsonObject("probabilities"))
          .isEqualTo(fromPlatform.getJsonObject("probabilities"));
      assertThat(fromPort.getJsonArray("imputed")).isEqualTo(fromPlatform.getJsonArray("imputed"));
      assertThat(fromPort.getString("predictionId"))
          .hasSize(36)
          .isNotEqualTo(fromPlatform.getString("predictionId"));
    }
    assertThat(
            ModelApi.strings(
                port.getJsonArray("predictions").getJsonObject(1).getJsonArray("imputed")))
        .containsExactly(VIEW + ":x1", VIEW + ":x2");
  }

  @Test
  void onlineLookupsAnswerAsOnThePlatformsPort() {
    String body =
        "{\"features\":[\"%s:x1\",\"%s:x2\"],\"entities\":{\"ip_id\":[3, 4, 999999]}}"
            .formatted(VIEW, VIEW);
    HttpResponse<String> viaPort =
        Http.json(PORT, "POST", LOOKUP, Http.accessToken("victor"), body);
    HttpResponse<String> viaPlatform = Http.json("POST", LOOKUP, alice, body);

    assertThat(viaPort.statusCode()).as(viaPort.body()).isEqualTo(200);
    assertThat(object(viaPort)).isEqualTo(object(viaPlatform));
    assertThat(viaPort.body()).contains("PRESENT").contains("NOT_FOUND");
  }

  /** Every mistake gets the status and message the platform's port gives it. */
  @Test
  void mistakesAreRefusedAsOnThePlatformsPort() {
    String deep = "{\"entities\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
    List<String[]> calls = new ArrayList<>();
    calls.add(new String[] {"POST", PREDICT, "{\"entities\":"});
    calls.add(new String[] {"POST", PREDICT, "[1, 2]"});
    calls.add(new String[] {"POST", PREDICT, "{}"});
    calls.add(new String[] {"POST", PREDICT, deep});
    calls.add(
        new String[] {
          "POST",
          PREDICT,
          "{\"entities\":{\"ip_id\":[3]},\"features\":{\"%s:x9\":[1.0]}}".formatted(VIEW)
        });
    calls.add(new String[] {"POST", "/api/v1/models/no_such_model/predict", "{\"entities\":{}}"});
    calls.add(new String[] {"POST", "/api/v1/models/Bad..Name/predict", "{\"entities\":{}}"});
    calls.add(new String[] {"POST", LOOKUP, "{\"features\":[\"nope\"],\"entities\":{}}"});
    calls.add(new String[] {"POST", LOOKUP, "{\"features\":[\"no_view:x\"],\"entities\":{}}"});
    calls.add(new String[] {"POST", LOOKUP, deep});
    for (String[] call : calls) {
      HttpResponse<String> viaPort = Http.json(PORT, call[0], call[1], alice, call[2]);
      HttpResponse<String> viaPlatform = Http.json(call[0], call[1], alice, call[2]);
      String what = call[1] + " " + abbreviated(call[2]);
      assertThat(viaPort.statusCode()).as(what + ": " + viaPort.body()).isBetween(400, 499);
      assertThat(viaPort.statusCode()).as(what).isEqualTo(viaPlatform.statusCode());
      assertThat(withoutRequestId(viaPort)).as(what).isEqualTo(withoutRequestId(viaPlatform));
      assertThat(object(viaPort).containsKey("requestId"))
          .as(what)
          .isEqualTo(object(viaPlatform).containsKey("requestId"));
    }
  }

  /** What only the port has to decide: its own routes, methods, body types and sizes. */
  @Test
  void thePortRefusesWhatItDoesNotCarry() throws Exception {
    HttpResponse<String> elsewhere = Http.get(PORT, "/api/v1/models", alice);
    assertThat(elsewhere.statusCode()).isEqualTo(404);
    assertThat(object(elsewhere).getString("error")).contains("platform's port");
    HttpResponse<String> get = Http.get(PORT, PREDICT, alice);
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    HttpResponse<String> form =
        Http.send(
            HttpRequest.newBuilder(URI.create(PORT + LOOKUP))
                .header("Authorization", "Bearer " + alice)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("a=b"))
                .build());
    assertThat(form.statusCode()).isEqualTo(415);
    HttpResponse<String> anonymous =
        Http.send(
            HttpRequest.newBuilder(URI.create(PORT + LOOKUP))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(object(anonymous).getString("error")).contains("bearer token");
    assertThat(ServingApi.inferStream(PORT, alice, LOOKUP, 9L << 20, true)).contains(" 413");
    assertThat(ServingApi.inferStream(PORT, alice, PREDICT, 9L << 20, false)).contains(" 413");
  }

  /** Each port answers under its own request id. */
  private static JsonObject withoutRequestId(HttpResponse<String> response) {
    return Json.createObjectBuilder(object(response)).remove("requestId").build();
  }

  private static String abbreviated(String body) {
    return body.length() > 80 ? body.substring(0, 80) + "..." : body;
  }
}
