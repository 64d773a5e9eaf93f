package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Cookie;

/**
 * Two nodes on one PostgreSQL behind nginx, started with {@code ./mlp cluster start --nodes 2}: a
 * change made on one node is served and searchable on the other, a browser logs in to the portal
 * through nginx and its session stays on its node, and a node killed with {@code kill -9} under
 * load costs no request through the balancer, then rejoins and catches up; a restart of PostgreSQL
 * under the running nodes costs no request either; a batch prediction running on a killed node
 * finishes on the other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final Path CNN = Path.of(System.getProperty("mlp.e2e.cnn-model"));
  private static final String MODEL = "cl_cls";

  /** Enough rows that the batch is still running when its node is killed. */
  private static final int BATCH_ROWS = 2_500_000;

  private static RunningCluster cluster;
  private static String alice;

  @BeforeAll
  static void startTwoNodes() {
    cluster = RunningCluster.start(2);
    alice = Http.accessToken(RunningCluster.issuer(), "alice");
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void aChangeOnOneNodeIsServedAndFoundOnTheOther() throws Exception {
    String node1 = RunningCluster.node(1);
    String node2 = RunningCluster.node(2);
    expect(201, call(node1, "POST", "/api/v1/models", "{\"name\":\"" + MODEL + "\"}"));
    byte[] cnn = Files.readAllBytes(CNN);
    expect(201, ModelApi.upload(node1, MODEL, cnn, null, alice));
    expect(201, ModelApi.upload(node1, MODEL, cnn, null, alice));
    expect(200, call(node1, "PUT", "/api/v1/models/" + MODEL + "/aliases/live", "{\"version\":1}"));
    expect(200, call(node1, "PUT", "/api/v1/deployments/" + MODEL, "{\"alias\":\"live\"}"));

    await(node2, "/api/v1/deployments/" + MODEL, body -> body.contains("\"state\":\"READY\""));
    assertThat(infer(node2).body()).contains("\"model_version\":\"1\"");

    long moved = System.nanoTime();
    expect(200, call(node1, "PUT", "/api/v1/models/" + MODEL + "/aliases/live", "{\"version\":2}"));
    awaitAnswer(() -> infer(node2), body -> body.contains("\"model_version\":\"2\""));
    System.out.printf(
        "alias move reached node 2 in %d ms%n", (System.nanoTime() - moved) / 1_000_000);

    String entity = "cl_customer_" + UUID.randomUUID().toString().substring(0, 8);
    expect(
        201,
        call(
            node1,
            "POST",
            "/api/v1/entities",
            "{\"name\":\"%s\",\"joinKeys\":[{\"name\":\"cid\",\"type\":\"INT64\"}]}"
                .formatted(entity)));
    await(node2, "/api/v1/search?q=" + entity, body -> !body.contains("\"total\":0"));
  }

  @Test
  @Order(3)
  void aNodeKilledUnderLoadCostsNoRequestAndRejoins() throws Exception {
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger reconnects = new AtomicInteger();
    Thread load =
        Thread.ofPlatform()
            .start(
                () -> {
                  while (running.get()) {
                    int status;
                    try {
                      status = infer(RunningCluster.balancer()).statusCode();
                    } catch (RuntimeException closed) {
                      // A keep-alive connection that nginx closed as it reloaded, as the client
                      // sent on it: no answer came, so the client sends again, as HTTP clients do.
                      reconnects.incrementAndGet();
                      try {
                        status = infer(RunningCluster.balancer()).statusCode();
                      } catch (RuntimeException again) {
                        status = -1;
                      }
                    }
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                  }
                });
    Thread.sleep(3_000);
    cluster.kill(2);
    Thread.sleep(5_000);
    assertThat(cluster.status()).contains("node-2").containsPattern("node-2\\s+DOWN");
    cluster.startNode(2);
    Thread.sleep(2_000);
    running.set(false);
    load.join();

    assertThat(statuses.keySet()).as("answers through nginx: %s", statuses).containsOnly(200);
    assertThat(statuses.get(200).get()).isGreaterThan(20);
    // nginx reloads twice (node 2 out while starting, back in once ready).
    assertThat(reconnects).as("connections closed under a request").hasValueLessThanOrEqualTo(2);
    System.out.printf(
        "through nginx: %s, %d sent again on a new connection%n", statuses, reconnects.get());
    String node2 = RunningCluster.node(2);
    await(node2, "/api/v1/deployments/" + MODEL, body -> body.contains("\"version\":2"));
    assertThat(infer(node2).body()).contains("\"model_version\":\"2\"");
    assertThat(cluster.status()).containsPattern("node-2\\s+running.*grid members: 2");
    HttpResponse<String> listed =
        call(RunningCluster.balancer(), "GET", "/api/v1/models/" + MODEL + "/versions", null);
    expect(200, listed);
    JsonObject versions = ModelApi.object(listed);
    assertThat(versions.toString()).contains("\"version\":1").contains("\"version\":2");
  }

  @Test
  @Order(2)
  void aPortalSessionThroughTheBalancerStaysOnItsNode() {
    try (Browser browser = new Browser()) {
      browser.driver.get(RunningCluster.balancer() + "/models/" + MODEL);
      PortalPage portal =
          KeycloakLoginPage.expect(browser, RunningCluster.issuer()).logInAs("alice");
      // The login's callback and every later UI request must reach the node holding the session.
      portal.waitForText("live → v2");
      Cookie node = browser.driver.manage().getCookieNamed("mlp_node");
      assertThat(node).as("the node cookie nginx routes by").isNotNull();
      assertThat(node.getValue()).matches("node-[12]");
      browser.driver.get(RunningCluster.balancer() + "/models");
      PortalPage.expect(browser).waitForText(MODEL);
      browser.screenshot("cluster-models-through-nginx");
    }
  }

  @Test
  @Order(4)
  void aPostgresRestartCostsNoRequest() throws Exception {
    String balancer = RunningCluster.balancer();
    expect(200, call(balancer, "GET", "/api/v1/models", null));
    RunningCluster.restartPostgres();
    // Every pooled connection died with the server: each node notices before handing one out.
    for (int i = 0; i < 20; i++) {
      expect(200, call(balancer, "GET", "/api/v1/models", null));
    }
    String entity = "cl_after_restart_" + UUID.randomUUID().toString().substring(0, 8);
    expect(
        201,
        call(
            balancer,
            "POST",
            "/api/v1/entities",
            "{\"name\":\"%s\",\"joinKeys\":[{\"name\":\"cid\",\"type\":\"INT64\"}]}"
                .formatted(entity)));
    await(
        RunningCluster.node(2),
        "/api/v1/search?q=" + entity,
        body -> !body.contains("\"total\":0"));
  }

  /**
   * A batch prediction running on node 2 when node 2 is killed finishes on node 1: node 1, the
   * oldest member, sees node 2 gone from the grid and silent, takes the job over and runs it again
   * from the start on the same version and the kept upload. Runs last: node 2 stays down.
   */
  @Test
  @Order(5)
  void aBatchJobOfAKilledNodeFinishesOnTheOther() throws Exception {
    String node1 = RunningCluster.node(1);
    String node2 = RunningCluster.node(2);
    String run = Long.toString(System.nanoTime(), 36);
    String view = "cl_stats_" + run;
    String model = "cl_batch_" + run;
    String set =
        SyntheticCustomers.trainingSet(
            node1, "cl_cust_" + run, "cl_id", view, 200, 200, 11, false, alice);
    ModelApi.trainLogisticRegression(node1, model, set, alice);

    ProcessHandle node2Process = cluster.process(2);
    HttpResponse<String> accepted =
        ModelApi.startBatch(
            node2, model + ":1", SyntheticCustomers.featureCsv(view, BATCH_ROWS, 5), alice);
    expect(202, accepted);
    String id = ModelApi.object(accepted).getString("id");
    JsonObject job =
        ModelApi.awaitJobWhere(
            node1, id, alice, j -> j.getJsonNumber("progress").doubleValue() > 0.02);
    long killed = System.nanoTime();
    RunningCluster.kill(node2Process);
    assertThat(job.getString("node")).isEqualTo("node-2");
    assertThat(job.getString("state")).as(job.toString()).isEqualTo("RUNNING");
    System.out.printf("node 2 killed at progress %s%n", job.getJsonNumber("progress"));
    JsonObject taken = ModelApi.awaitJobWhere(node1, id, alice, j -> j.getInt("attempt") == 2);
    long takenOver = System.nanoTime();
    JsonObject done =
        ModelApi.awaitJobWhere(
            node1, id, alice, j -> !j.getString("state").matches("QUEUED|RUNNING"));
    System.out.printf(
        "batch of %d rows: taken over %d ms after the kill, done %d ms after it%n",
        BATCH_ROWS, (takenOver - killed) / 1_000_000, (System.nanoTime() - killed) / 1_000_000);

    assertThat(taken.getString("node")).isEqualTo("node-1");
    assertThat(done.getString("state")).as(done.toString()).isEqualTo("SUCCEEDED");
    assertThat(done.getString("node")).isEqualTo("node-1");
    assertThat(done.getInt("attempt")).isEqualTo(2);
    assertThat(done.getJsonObject("result").getInt("rows")).isEqualTo(BATCH_ROWS);
    JsonObject batch = ModelApi.object(call(node1, "GET", "/api/v1/batch-predictions/" + id, null));
    assertThat(batch.getString("node")).isEqualTo("node-1");
    assertThat(batch.getInt("attempt")).isEqualTo(2);
    assertThat(batch.getJsonNumber("rows").longValue()).isEqualTo(BATCH_ROWS);
    ModelApi.ResultRows rows = ModelApi.batchResultRows(node1, id, alice);
    assertThat(rows.count()).isEqualTo(BATCH_ROWS);
    assertThat(rows.last()).startsWith((BATCH_ROWS - 1) + ",");
  }

  private static HttpResponse<String> infer(String base) {
    String zeros =
        IntStream.range(0, 3 * 48 * 192).mapToObj(i -> "0").collect(Collectors.joining(","));
    return call(
        base,
        "POST",
        "/v2/models/" + MODEL + "/infer",
        "{\"inputs\":[{\"name\":\"x\",\"shape\":[1,3,48,192],\"datatype\":\"FP32\",\"data\":["
            + zeros
            + "]}]}");
  }

  /** A call as alice to one node or the balancer. */
  private static HttpResponse<String> call(String base, String method, String path, String json) {
    return Http.json(base, method, path, alice, json);
  }

  private static void expect(int status, HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
  }

  private static void await(String base, String path, Predicate<String> done) {
    awaitAnswer(() -> call(base, "GET", path, null), done);
  }

  private static void awaitAnswer(
      java.util.function.Supplier<HttpResponse<String>> call, Predicate<String> done) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = call.get();
      last = response.statusCode() + " " + response.body();
      if (response.statusCode() == 200 && done.test(response.body())) {
        return;
      }
      ServingApi.sleep(50);
    }
    throw new AssertionError("not within 30 s; last answer: " + last);
  }
}
