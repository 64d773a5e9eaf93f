package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.e2e.ModelApi.awaitJob;
import static org.mlplatform.e2e.ModelApi.createModel;
import static org.mlplatform.e2e.ModelApi.created;
import static org.mlplatform.e2e.ModelApi.object;
import static org.mlplatform.e2e.ServingApi.awaitReady;
import static org.mlplatform.e2e.ServingApi.infer;
import static org.mlplatform.e2e.ServingApi.input;
import static org.mlplatform.e2e.WorkflowApi.ask;
import static org.mlplatform.e2e.WorkflowApi.askInThePortal;
import static org.mlplatform.e2e.WorkflowApi.awaitEnd;
import static org.mlplatform.e2e.WorkflowApi.champion;
import static org.mlplatform.e2e.WorkflowApi.click;
import static org.mlplatform.e2e.WorkflowApi.notificationTopics;
import static org.mlplatform.e2e.WorkflowApi.outcome;
import static org.mlplatform.e2e.WorkflowApi.process;
import static org.mlplatform.e2e.WorkflowApi.task;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Governed promotion end to end on a running platform: automated checks that end a promotion or go
 * to review with a justification, claims and four eyes enforced over REST, the review timer
 * escalating to admins, a canary judged on live traffic that rolls out (approved in the browser) or
 * rolls back on its own, and an admin's emergency rollback.
 */
@ExtendWith(RunningPlatform.class)
class PromotionWorkflowIT {

  private static final String RUN = Long.toString(System.nanoTime(), 36);
  private static final String APPROVE = "{\"decision\":\"approve\",\"comment\":\"looks right\"}";

  private static String alice;
  private static String bob;
  private static String carol;
  private static byte[] onnx;
  private static String features;
  private static String trainedModel;

  @BeforeAll
  static void trainOnce() throws Exception {
    alice = Http.accessToken("alice");
    bob = Http.accessToken("bob");
    carol = Http.accessToken("carol");
    String view = "wf_stats_" + RUN;
    String set =
        SyntheticCustomers.trainingSet("wf_customer", "wf_id", view, 200, 200, 9, false, alice);
    String model = "wf_trained_" + RUN;
    trainedModel = model;
    createModel(model, alice);
    HttpResponse<String> training =
        Http.json(
            "POST",
            "/api/v1/models/" + model + "/train",
            alice,
            "{\"trainingSetId\":\"%s\",\"label\":\"label\",\"algorithm\":\"logistic-regression\"}"
                .formatted(set));
    awaitJob(object(training).getString("jobId"), alice);
    onnx = ModelApi.download("/api/v1/models/" + model + "/versions/1/artifact", alice);
    JsonObject lineage =
        object(Http.get("/api/v1/models/" + model + "/versions/1", alice)).getJsonObject("lineage");
    features =
        "\"features\":%s,\"labels\":%s"
            .formatted(lineage.getJsonArray("features"), lineage.getJsonArray("labels"));
  }

  /** A model with v1 (accuracy 0.9) as its served champion. */
  private static String servedModel(String name) {
    String model = name + "_" + RUN;
    createModel(model, alice);
    upload(model, 0.9);
    ModelApi.promoteToChampion(model, 1, alice);
    awaitReady(alice, model);
    return model;
  }

  private static void upload(String model, double accuracy) {
    created(
        ModelApi.upload(
            model,
            onnx,
            "{%s,\"metrics\":{\"accuracy\":%s}}".formatted(features, accuracy),
            alice));
  }

  @Test
  void aFailedCheckEndsThePromotionUnlessTheRequesterJustifiesIt() {
    String model = servedModel("wf_checks");
    upload(model, 0.5);

    JsonObject ended = process(alice, ask(alice, model, 2, "{}"));

    assertThat(ended.getString("state")).isEqualTo("COMPLETED");
    assertThat(outcome(ended)).isEqualTo("checks-failed");
    assertThat(ended.getJsonObject("variables").getString("checks"))
        .contains("metrics\tFAILED")
        .contains("accuracy");
    assertThat(ended.getJsonObject("variables").getString("checks")).contains("signature\tPASSED");
    assertThat(notificationTopics(alice)).contains("promotion.checks-failed");

    String justified =
        ask(
            alice,
            model,
            2,
            "{\"overrideJustification\":\"the old labels were wrong; v2 uses the fixed ones\"}");
    String taskId = ModelApi.reviewTask(justified, bob);
    JsonObject shown = object(Http.get("/api/v1/tasks/" + taskId, bob));
    assertThat(shown.getString("overrideJustification")).startsWith("the old labels were wrong");
    assertThat(shown.getJsonArray("checks").toString()).contains("FAILED");
    HttpResponse<String> noComment =
        task("complete", taskId, bob, "{\"decision\":\"reject\",\"comment\":\" \"}");
    assertThat(noComment.statusCode()).as(noComment.body()).isEqualTo(400);
    assertThat(noComment.body()).contains("comment");
    HttpResponse<String> rejected =
        task(
            "complete",
            taskId,
            bob,
            "{\"decision\":\"reject\",\"comment\":\"prove it on a holdout\"}");
    assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
    JsonObject rejectedProcess = awaitEnd(alice, justified, 10);
    assertThat(outcome(rejectedProcess)).isEqualTo("rejected");
    assertThat(notificationTopics(alice)).contains("promotion.rejected");
    assertThat(rejectedProcess.getJsonObject("variables").getString("comment"))
        .isEqualTo("prove it on a holdout");
    assertThat(champion(alice, model)).isEqualTo(1);
  }

  @Test
  void claimsAndFourEyesHoldOnTheServerAndAnOverdueReviewReachesAdmins() {
    String model = servedModel("wf_claims");
    upload(model, 0.91);
    String process = ask(alice, model, 2, "{}");
    String taskId = ModelApi.reviewTask(process, bob);
    HttpResponse<String> again =
        Http.json("POST", "/api/v1/models/" + model + "/versions/2/promotions", alice, "{}");
    assertThat(again.statusCode()).as("one promotion of a version at a time").isEqualTo(409);

    assertThat(task("claim", taskId, alice, "{}").statusCode()).as("not a reviewer").isEqualTo(403);
    HttpResponse<String> claimed = task("claim", taskId, bob, "{}");
    assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(200);
    assertThat(object(claimed).getString("assignee")).isEqualTo("bob");

    // The review is due after 3 s and offered to admins 3 s later (RunningPlatform's settings).
    Instant deadline = Instant.now().plusSeconds(40);
    boolean escalated = false;
    while (!escalated && Instant.now().isBefore(deadline)) {
      escalated =
          ((JsonArray) Http.json(Http.get("/api/v1/tasks", carol).body()))
              .getValuesAs(JsonObject.class).stream()
                  .anyMatch(t -> t.getString("id").equals(taskId));
      ServingApi.sleep(250);
    }
    assertThat(escalated).as("the overdue review reached the admins").isTrue();

    HttpResponse<String> othersClaim = task("complete", taskId, carol, APPROVE);
    assertThat(othersClaim.statusCode()).as(othersClaim.body()).isEqualTo(403);
    assertThat(othersClaim.body()).contains("claimed by bob");
    assertThat(task("claim", taskId, carol, "{}").statusCode()).isEqualTo(409);
    assertThat(task("unclaim", taskId, bob, "{}").statusCode()).isEqualTo(200);
    HttpResponse<String> approved = task("complete", taskId, carol, APPROVE);
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    assertThat(champion(alice, model)).isEqualTo(2);
    JsonObject done = awaitEnd(alice, process, 30);
    assertThat(outcome(done)).isEqualTo("deployed");
    assertThat(done.getJsonArray("steps").toString())
        .contains("reviewOverdue")
        .contains("escalateToAdmins")
        .contains("verifyDeployment");
  }

  /** Alice asks for a 50% canary, bob approves in the portal, live traffic decides the rollout. */
  @Test
  void aCanaryApprovedInThePortalRollsOutOnLiveTrafficWithoutAFailedRequest() throws Exception {
    String model = servedModel("wf_canary");
    upload(model, 0.92);
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger answered = new AtomicInteger();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    Set<String> versions = ConcurrentHashMap.newKeySet();
    String body = "{\"inputs\":[" + input(new float[][] {{0.4f, -0.3f}}) + "]}";
    Thread client =
        Thread.ofPlatform()
            .start(
                () -> {
                  int i = 0;
                  while (running.get()) {
                    HttpResponse<String> r =
                        infer(alice, "/v2/models/" + model + "/infer", body, "caller-" + i++);
                    if (r.statusCode() != 200) {
                      failures.add(r.statusCode() + " " + r.body());
                    } else {
                      versions.add(object(r).getString("model_version"));
                      answered.incrementAndGet();
                    }
                    ServingApi.sleep(20);
                  }
                });
    try {
      String process = askInThePortal(model, 2, 50);
      String taskId = ModelApi.reviewTask(process, bob);
      try (Browser browser = new Browser()) {
        browser.driver.get(RunningPlatform.BASE + "/tasks?task=" + taskId);
        PortalPage portal = KeycloakLoginPage.expect(browser).logInAs("bob").waitForText(model);
        click(
            browser,
            browser
                .waitUpTo(30)
                .until(ExpectedConditions.elementToBeClickable(By.id("task-claim-" + taskId))));
        // The panel is drawn again once the claim lands: type into the new one.
        browser
            .waitUpTo(30)
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("task-unclaim-" + taskId)));
        browser
            .waitUpTo(30)
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("task-comment-" + taskId)))
            .findElement(By.tagName("textarea"))
            .sendKeys("canary first, as asked");
        assertThat(browser.driver.getPageSource()).contains("(canary 50%)");
        assertThat(browser.driver.findElement(By.id("check-results")).getText())
            .contains("signature")
            .contains("smoke");
        browser.screenshot("review-task");
        click(browser, browser.driver.findElement(By.id("task-approve-" + taskId)));
        browser
            .waitUpTo(30)
            .until(
                ExpectedConditions.invisibilityOfElementLocated(By.id("task-approve-" + taskId)));
        JsonObject waiting = process(alice, process);
        assertThat(waiting.getJsonArray("active").toString()).contains("canaryWindowElapsed");
        assertThat(champion(alice, model)).as("the champion stays during the canary").isEqualTo(1);

        JsonObject done = awaitEnd(alice, process, 60);
        assertThat(outcome(done)).as(done.toString()).isEqualTo("deployed");
        assertThat(done.getJsonObject("variables").getString("canaryReason"))
            .startsWith("the canary held up");
        assertThat(champion(alice, model)).isEqualTo(2);

        browser.driver.get(RunningPlatform.BASE + "/processes/" + process);
        portal.waitForText("Timeline");
        assertThat(
                browser
                    .driver
                    .findElement(
                        By.cssSelector("#process-diagram [data-element-id='promotionDeployed']"))
                    .getDomAttribute("data-state"))
            .isEqualTo("completed");
        browser.screenshot("promotion-process");
      }
      Instant deadline = Instant.now().plusSeconds(30);
      while (Instant.now().isBefore(deadline)) {
        HttpResponse<String> r = infer(alice, "/v2/models/" + model + "/infer", body, "after");
        if (r.statusCode() == 200 && object(r).getString("model_version").equals("2")) {
          break;
        }
        ServingApi.sleep(100);
      }
      assertThat(
              object(infer(alice, "/v2/models/" + model + "/infer", body, "any"))
                  .getString("model_version"))
          .isEqualTo("2");
    } finally {
      running.set(false);
      client.join();
    }
    assertThat(failures).isEmpty();
    assertThat(versions).contains("1", "2");
    assertThat(answered.get()).isGreaterThan(20);
    try (Browser browser = new Browser()) {
      browser.driver.get(RunningPlatform.BASE + "/notifications");
      KeycloakLoginPage.expect(browser)
          .logInAs("alice")
          .waitForText("Promoted: " + model + " v2 to champion");
      assertThat(browser.driver.findElement(By.id("notifications-link")).isDisplayed()).isTrue();
      browser.screenshot("notifications");
    }
  }

  /**
   * Retraining by hand repeats the champion's recipe on a fresh training set and scores both on the
   * same held-out rows; the same data gives no improvement, so the champion stays and the requester
   * gets the figures.
   */
  @Test
  void aRetrainingThatDoesNotBeatTheChampionReportsAndKeepsIt() {
    ModelApi.promoteToChampion(trainedModel, 1, alice);
    String retrain = "/api/v1/models/" + trainedModel + "/retrainings";
    HttpResponse<String> started =
        Http.json("POST", retrain, alice, "{\"reason\":\"monthly refresh\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    assertThat(Http.json("POST", retrain, alice, "{}").statusCode())
        .as("one retraining of a model at a time")
        .isEqualTo(409);
    assertThat(Http.json("POST", retrain, Http.accessToken("victor"), "{}").statusCode())
        .isEqualTo(403);
    HttpResponse<String> platformSetting =
        Http.json("POST", retrain, alice, "{\"hyperparameters\":{\"label\":\"other\"}}");
    assertThat(platformSetting.statusCode()).as(platformSetting.body()).isEqualTo(400);
    assertThat(platformSetting.body()).contains("hyperparameters.label");

    JsonObject done = awaitEnd(alice, object(started).getString("processInstanceId"), 120);

    JsonObject variables = done.getJsonObject("variables");
    assertThat(variables.getString("trigger")).isEqualTo("manual");
    assertThat(variables.getString("better")).isEqualTo("false");
    assertThat(variables.getString("report"))
        .contains("accuracy on the same")
        .contains("champion v1")
        .contains("the champion stays");
    assertThat(variables.getString("trainingSetId")).isNotBlank();
    assertThat(done.getJsonArray("steps").toString())
        .contains("buildRetrainingSet")
        .contains("trainAndEvaluate")
        .contains("reportRetraining")
        .doesNotContain("proposePromotion");
    assertThat(champion(alice, trainedModel)).isEqualTo(1);
    assertThat(notificationTopics(alice)).contains("retraining.kept");
    try (Browser browser = new Browser()) {
      browser.driver.get(RunningPlatform.BASE + "/models/" + trainedModel);
      KeycloakLoginPage.expect(browser)
          .logInAs("alice")
          .waitForText("Governance policy")
          .waitForText("Promotions, rollbacks and retrainings");
      assertThat(browser.driver.findElement(By.id("model-processes")).getText())
          .contains("Model retraining");
      click(browser, browser.driver.findElement(By.id("retrain-start")));
      browser
          .waitUpTo(30)
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("retrain-status"), "Retraining started"));
      browser.screenshot("model-governance");
    }
  }

  @Test
  void aCanaryWithTooLittleTrafficRollsBackOnItsOwn() {
    String model = servedModel("wf_quiet");
    upload(model, 0.93);
    String process = ask(alice, model, 2, "{\"canaryPercent\":10}");
    HttpResponse<String> approved =
        task("complete", ModelApi.reviewTask(process, bob), bob, APPROVE);
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    assertThat(object(Http.get("/api/v1/deployments/" + model, alice)).toString())
        .contains("\"canary\"");

    JsonObject done = awaitEnd(alice, process, 60);

    assertThat(outcome(done)).isEqualTo("rolled-back");
    assertThat(done.getJsonObject("variables").getString("canaryReason"))
        .startsWith("too little traffic");
    assertThat(champion(alice, model)).isEqualTo(1);
    JsonObject deployment = object(Http.get("/api/v1/deployments/" + model, alice));
    assertThat(!deployment.containsKey("canary") || deployment.isNull("canary"))
        .as(deployment.toString())
        .isTrue();
  }

  @Test
  void anAdminRollsBackAtOnceWithAReasonOnRecord() {
    String model = servedModel("wf_rollback");
    upload(model, 0.95);
    ModelApi.promoteToChampion(model, 2, alice);
    assertThat(champion(alice, model)).isEqualTo(2);
    String rollback = "/api/v1/models/" + model + "/rollback";

    assertThat(Http.json("POST", rollback, alice, "{\"version\":1,\"reason\":\"x\"}").statusCode())
        .isEqualTo(403);
    HttpResponse<String> noReason = Http.json("POST", rollback, carol, "{\"version\":1}");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).contains("reason");
    HttpResponse<String> rolled =
        Http.json(
            "POST",
            rollback,
            carol,
            "{\"version\":1,\"reason\":\"v2 answers NaN for new customers\"}");
    assertThat(rolled.statusCode()).as(rolled.body()).isEqualTo(201);

    assertThat(champion(alice, model)).isEqualTo(1);
    JsonObject process = process(alice, object(rolled).getString("processInstanceId"));
    assertThat(process.getString("definitionKey")).isEqualTo("emergencyRollback");
    assertThat(process.getString("state")).isEqualTo("COMPLETED");
    JsonObject move =
        ((JsonArray)
                Http.json(Http.get("/api/v1/models/" + model + "/alias-history", alice).body()))
            .getJsonObject(0);
    assertThat(move.getInt("to")).isEqualTo(1);
    assertThat(move.toString()).contains("v2 answers NaN");
    assertThat(notificationTopics(bob)).contains("rollback.emergency");
    assertThat(
            Http.json("POST", rollback, carol, "{\"version\":1,\"reason\":\"again\"}").statusCode())
        .isEqualTo(409);
    JsonArray listed =
        (JsonArray) Http.json(Http.get("/api/v1/processes?model=" + model, alice).body());
    assertThat(listed.size()).isGreaterThanOrEqualTo(3);
  }
}
