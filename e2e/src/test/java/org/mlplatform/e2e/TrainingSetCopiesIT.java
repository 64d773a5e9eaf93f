package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.e2e.ModelApi.created;
import static org.mlplatform.e2e.ModelApi.object;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A large training set on the running platform goes through the node's local copy of the view in
 * its data directory, and the next ingest replaces that copy. Names carry a per-run suffix.
 */
@ExtendWith(RunningPlatform.class)
class TrainingSetCopiesIT {

  private static final String RUN = Long.toString(System.nanoTime(), 36);

  private static String alice;

  @BeforeAll
  static void defineEntity() {
    alice = Http.accessToken("alice");
    TrainingSetApi.defineCustomer(alice);
  }

  @Test
  void aLargeTrainingSetReadsTheNodesLocalCopyWhichTheNextIngestRenews() throws Exception {
    String wide = "ts_wide_" + RUN;
    created(
        Http.json(
            "POST",
            "/api/v1/feature-views",
            alice,
            "{\"name\":\""
                + wide
                + "\",\"entities\":[\"ts_customer\"],"
                + "\"features\":[{\"name\":\"v\",\"type\":\"FLOAT64\"}]}"));
    int entities = 12_000; // over the 10,000 from which a build makes the copy
    StringBuilder rows = new StringBuilder("tsc_id,event_timestamp,v\n");
    StringBuilder entityRows = new StringBuilder("tsc_id,event_timestamp\n");
    for (int id = 1; id <= entities; id++) {
      rows.append(id).append(",2026-03-01T01:00:00Z,").append(id).append('\n');
      entityRows.append(id).append(",2026-03-01T02:00:00Z\n");
    }
    ingestCsv(wide, rows.toString());
    Path copies = RunningPlatform.DATA_DIR.resolve("offline-copies/fv_" + wide + "_v1");

    List<String> first = buildCsv(wide + ":v", entityRows.toString());
    List<String> stampsAfterFirst = listing(copies);
    assertThat(stampsAfterFirst).hasSize(1);
    assertThat(copies.resolve(stampsAfterFirst.getFirst()).resolve("manifest.properties"))
        .isRegularFile();
    ingestCsv(wide, "tsc_id,event_timestamp,v\n5,2026-03-01T01:30:00Z,-5\n"); // a new stamp
    List<String> second = buildCsv(wide + ":v", entityRows.toString());

    assertThat(first).hasSize(entities + 1);
    assertThat(first.get(5)).isEqualTo("2026-03-01T02:00:00Z,5,5.0");
    assertThat(first.get(entities)).isEqualTo("2026-03-01T02:00:00Z,12000,12000.0");
    assertThat(second.get(5)).isEqualTo("2026-03-01T02:00:00Z,5,-5.0");
    assertThat(second.get(6)).isEqualTo(first.get(6));
    assertThat(listing(copies)).hasSize(1).doesNotContainAnyElementsOf(stampsAfterFirst);
  }

  private static void ingestCsv(String view, String csv) {
    HttpResponse<String> response =
        Http.send(
            HttpRequest.newBuilder(
                    URI.create(RunningPlatform.BASE + "/api/v1/feature-views/" + view + "/rows"))
                .header("Authorization", "Bearer " + alice)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv))
                .build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  /** The lines of the CSV of a training set built from CSV entity rows. */
  private static List<String> buildCsv(String features, String entityRows) throws Exception {
    HttpResponse<String> accepted =
        Http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        RunningPlatform.BASE
                            + "/api/v1/training-sets?features="
                            + URLEncoder.encode(features, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + alice)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(entityRows))
                .build());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    JsonObject set = TrainingSetApi.awaitReady(alice, object(accepted).getString("id"));
    return Http.get("/api/v1/training-sets/" + set.getString("id") + "/data", alice)
        .body()
        .lines()
        .toList();
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.map(p -> p.getFileName().toString()).toList();
    }
  }
}
