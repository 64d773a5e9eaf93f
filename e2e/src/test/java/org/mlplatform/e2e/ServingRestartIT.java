package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.e2e.ModelApi.createModel;
import static org.mlplatform.e2e.ModelApi.created;
import static org.mlplatform.e2e.ModelApi.object;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Deployments are saved: after a restart the platform serves what it served before. */
@ExtendWith(RunningPlatform.class)
class ServingRestartIT {

  private static final Path CNN = Path.of(System.getProperty("mlp.e2e.cnn-model"));

  @Test
  void aRestartedPlatformServesTheSameDeployment() throws Exception {
    String alice = Http.accessToken("alice");
    String model = "sr_cnn_" + Long.toString(System.nanoTime(), 36);
    createModel(model, alice);
    byte[] file = Files.readAllBytes(CNN);
    created(ModelApi.upload(model, file, null, alice));
    created(ModelApi.upload(model, file, null, alice));
    assertThat(
            Http.json("PUT", "/api/v1/models/" + model + "/aliases/live", alice, "{\"version\":1}")
                .statusCode())
        .isEqualTo(200);
    String spec =
        "{\"alias\":\"live\",\"canary\":{\"version\":2,\"percent\":20},"
            + "\"batching\":{\"maxBatchSize\":8,\"maxDelayMs\":2},\"cacheEntries\":50}";
    HttpResponse<String> deployed = Http.json("PUT", "/api/v1/deployments/" + model, alice, spec);
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);

    RunningPlatform.restart();

    String token = Http.accessToken("alice");
    JsonObject after = awaitReady(model, token);
    assertThat(after.getString("alias")).isEqualTo("live");
    assertThat(after.getJsonObject("canary").getInt("percent")).isEqualTo(20);
    assertThat(after.getJsonObject("batching").getInt("maxBatchSize")).isEqualTo(8);
    assertThat(after.getInt("cacheEntries")).isEqualTo(50);
    assertThat(after.getJsonObject("status").getJsonArray("versions")).hasSize(2);
    HttpResponse<String> metadata = Http.get("/v2/models/" + model, token);
    assertThat(metadata.statusCode()).as(metadata.body()).isEqualTo(200);
    assertThat(Http.get("/v2/models/" + model + "/versions/2/ready", token).statusCode())
        .isEqualTo(200);
  }

  private static JsonObject awaitReady(String model, String token) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    HttpResponse<String> last = null;
    while (Instant.now().isBefore(deadline)) {
      last = Http.get("/api/v1/deployments/" + model, token);
      if (last.statusCode() == 200
          && object(last).getJsonObject("status").getString("state").equals("READY")) {
        return object(last);
      }
      Thread.sleep(250);
    }
    throw new AssertionError("not ready after the restart: " + (last == null ? "" : last.body()));
  }
}
