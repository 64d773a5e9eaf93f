package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Health, metrics and OpenAPI: what operators and tools read without a login. */
@ExtendWith(RunningPlatform.class)
class PlatformEndpointsIT {

  @Test
  void readinessReportsEveryComponentUp() {
    HttpResponse<String> response = Http.get("/health/ready", null);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject check =
        ((JsonObject) Http.json(response.body()))
            .getJsonArray("checks").stream()
                .map(JsonObject.class::cast)
                .filter(c -> c.getString("name").equals("mlp-platform"))
                .findFirst()
                .orElseThrow();
    assertThat(check.getString("status")).isEqualTo("UP");
    assertThat(check.getJsonObject("data").keySet())
        .containsExactlyInAnyOrder(
            "database_migrations", "cluster", "workflow_engine", "search_index", "serving_engine");
    assertThat(check.getJsonObject("data").getString("workflow_engine")).contains("modelPromotion");
    assertThat(check.getJsonObject("data").getString("cluster")).endsWith("alone");
  }

  @Test
  void livenessIsUp() {
    assertThat(Http.get("/health/live", null).statusCode()).isEqualTo(200);
  }

  @Test
  void metricsArePrometheusText() {
    HttpResponse<String> response = Http.get("/metrics", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("# TYPE ");
  }

  @Test
  void openApiDescribesTheRestApi() {
    HttpResponse<String> response;
    try {
      response = Http.get("/openapi", null);
    } catch (IllegalStateException firstRequestBuildsTheDocumentAndMayTimeOut) {
      response = Http.get("/openapi", null);
    }

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("/api/v1/me");
  }
}
