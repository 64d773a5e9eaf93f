package org.mlplatform.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mlplatform.workflows.ReviewInbox.NotYourTaskException;
import org.mlplatform.workflows.ReviewInbox.SelfReviewException;
import org.mlplatform.workflows.ReviewInbox.TaskClaimedException;
import org.mlplatform.workflows.promotion.CanaryVerdict;
import org.mlplatform.workflows.promotion.CheckResult;
import org.mlplatform.workflows.promotion.HealthVerdict;
import org.mlplatform.workflows.promotion.PromotionRequest;

/**
 * Every path of the promotion process on the engine the platform builds, with ports that record
 * what the process asked the platform to do. The job executor is off: timers and asynchronous steps
 * run when a test executes their job.
 */
class ModelPromotionProcessTest {

  private static final List<String> REVIEWERS = List.of("reviewer");
  private static final RecordingPorts PORTS = new RecordingPorts();
  private static final WorkflowEngine ENGINE = TestEngines.standalone("promotion-process", PORTS);

  @RegisterExtension
  static final ProcessEngineExtension CAMUNDA =
      ProcessEngineExtension.builder().useProcessEngine(ENGINE.processEngine()).build();

  private String model;

  @AfterAll
  static void closeEngine() {
    ENGINE.close();
  }

  @BeforeEach
  void freshModel() {
    // Both process test classes build an engine named "mlp": bind the assertions to this one.
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(ENGINE.processEngine());
    PORTS.reset();
    model = "m" + UUID.randomUUID().toString().substring(0, 8);
  }

  private ProcessInstance request(int canaryPercent, String justification) {
    Instant now = Instant.now();
    PromotionRequest promotion =
        new PromotionRequest(
            model,
            2,
            "champion",
            "alice",
            canaryPercent,
            justification,
            now.plus(Duration.ofDays(2)),
            now.plus(Duration.ofDays(3)),
            Duration.ofMinutes(10));
    return runtimeService()
        .startProcessInstanceByKey(
            PromotionVariables.PROCESS_KEY, model + ":2", promotion.variables());
  }

  private ProcessInstance request() {
    return request(0, null);
  }

  private void decide(ProcessInstance instance, String reviewer, boolean approve, String comment) {
    ENGINE.inbox().completeReview(task(instance).getId(), reviewer, REVIEWERS, approve, comment);
  }

  @Test
  void checksRunFirstThenReviewersGetADueTask() {
    ProcessInstance instance = request();

    assertThat(instance).hasPassed("runChecks").isWaitingAt(PromotionVariables.REVIEW_TASK);
    assertThat(task(instance))
        .hasCandidateGroup(PromotionVariables.REVIEWER_GROUP)
        .hasName("Review promotion of " + model + " v2 to champion");
    assertThat(task(instance).getDueDate()).isAfter(java.util.Date.from(Instant.now()));
    ReviewTask shown = ENGINE.inbox().task(task(instance).getId()).orElseThrow();
    assertThat(shown.checks()).extracting(CheckResult::name).containsExactly("signature");
    assertThat(shown.requestedBy()).isEqualTo("alice");
    assertThat(PORTS.actions).containsExactly("checks " + model + " v2 to champion");
  }

  @Test
  void approvalMovesTheAliasVerifiesAndTellsTheRequester() {
    ProcessInstance instance = request();

    decide(instance, "bob", true, "metrics hold");

    assertThat(instance).isWaitingAt("verifyDeployment");
    assertThat(PORTS.actions).contains("promote " + model + " v2 to champion by bob");
    execute(job());
    assertThat(instance)
        .hasPassedInOrder(
            "reviewPromotion", "deployCandidate", "verifyDeployment", "notifyDeployed")
        .hasVariables(PromotionVariables.OUTCOME)
        .isEnded();
    assertThat(runtimeVariable(instance, PromotionVariables.OUTCOME)).isEqualTo("deployed");
    assertThat(PORTS.kindsFor("user:alice")).containsExactly("promotion.deployed");
  }

  @Test
  void rejectionEndsWithTheReviewersReasonForTheRequester() {
    ProcessInstance instance = request();

    decide(instance, "bob", false, "AUC dropped on the holdout");

    assertThat(instance).hasPassed("notifyRejected", "promotionRejected").isEnded();
    assertThat(PORTS.actions).noneMatch(a -> a.startsWith("promote"));
    assertThat(PORTS.notifications)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.recipient()).isEqualTo("user:alice");
              assertThat(n.body()).contains("bob").contains("AUC dropped on the holdout");
            });
  }

  @Test
  void aFailedCheckEndsTheProcessWithItsReason() {
    PORTS.checkResults =
        List.of(
            CheckResult.passed("signature", "fits"),
            CheckResult.failed("metrics", "accuracy 0.81 is 0.05 below the champion's 0.86"));

    ProcessInstance instance = request();

    assertThat(instance).hasPassed("promotionChecksFailed").hasNotPassed("reviewPromotion");
    assertThat(instance).isEnded();
    assertThat(PORTS.notifications.getFirst().body()).contains("metrics: accuracy 0.81");
  }

  @Test
  void aJustifiedOverrideGoesToReviewWithTheJustificationShown() {
    PORTS.checkResults = List.of(CheckResult.failed("drift", "3 of 4 features drifted"));

    ProcessInstance instance = request(0, "traffic shifted after the launch; retrained on it");

    assertThat(instance).isWaitingAt(PromotionVariables.REVIEW_TASK);
    ReviewTask shown = ENGINE.inbox().task(task(instance).getId()).orElseThrow();
    assertThat(shown.overrideJustification()).startsWith("traffic shifted");
    assertThat(shown.checks()).singleElement().satisfies(c -> assertThat(c.failed()).isTrue());
    decide(instance, "bob", true, "accepted");
    execute(job());
    assertThat(instance).hasPassed("promotionDeployed").isEnded();
  }

  @Test
  void anOverdueReviewRemindsReviewersThenEscalatesToAdmins() {
    ProcessInstance instance = request();
    String taskId = task(instance).getId();
    ENGINE.inbox().claim(taskId, "bob", REVIEWERS);
    assertThatThrownBy(
            () -> ENGINE.inbox().completeReview(taskId, "carol", List.of("admin"), true, "x"))
        .isInstanceOf(NotYourTaskException.class);
    ENGINE.inbox().unclaim(taskId, "bob", false);
    assertThatThrownBy(
            () -> ENGINE.inbox().completeReview(taskId, "carol", List.of("admin"), true, "x"))
        .as("before escalation the review is the reviewers' alone")
        .isInstanceOf(NotYourTaskException.class);

    execute(
        jobQuery().processInstanceId(instance.getId()).activityId("reviewOverdue").singleResult());

    assertThat(PORTS.kindsFor("group:reviewer")).containsExactly("review.overdue");
    assertThat(instance).isWaitingAt(PromotionVariables.REVIEW_TASK);

    execute(
        jobQuery()
            .processInstanceId(instance.getId())
            .activityId("reviewEscalation")
            .singleResult());

    assertThat(task(instance)).hasCandidateGroup(PromotionVariables.ADMIN_GROUP);
    assertThat(PORTS.kindsFor("group:admin")).containsExactly("review.escalated");
    ENGINE.inbox().completeReview(taskId, "carol", List.of("admin"), true, "approving as admin");
    execute(job());
    assertThat(instance).hasPassed("promotionDeployed").isEnded();
  }

  @Test
  void aCanaryThatHoldsUpIsRolledOutAfterItsWindow() {
    ProcessInstance instance = request(10, null);

    decide(instance, "bob", true, "try it on 10%");

    assertThat(instance).isWaitingAt("canaryWindowElapsed");
    assertThat(PORTS.actions).contains("canary 10% " + model + " v2 to champion");
    assertThat(PORTS.actions).noneMatch(a -> a.startsWith("promote"));
    assertThat(PORTS.kindsFor("user:alice")).containsExactly("promotion.canary-started");

    execute(job()); // the observation window ends

    assertThat(instance).isWaitingAt("verifyDeployment");
    assertThat(PORTS.actions)
        .containsSubsequence(
            "judge canary " + model + " v2 to champion",
            "promote " + model + " v2 to champion by bob",
            "end canary " + model + " v2 to champion");
    execute(job());
    assertThat(instance).hasPassed("promotionDeployed").isEnded();
  }

  @Test
  void aCanaryThatFailsIsRolledBackOnItsOwn() {
    PORTS.canaryVerdict = new CanaryVerdict(false, "error rate 12% against the champion's 0%");
    ProcessInstance instance = request(25, null);
    decide(instance, "bob", true, "try it");

    execute(job());

    assertThat(instance).hasPassed("rollBackCanary", "promotionRolledBack").isEnded();
    assertThat(PORTS.actions).noneMatch(a -> a.startsWith("promote"));
    assertThat(PORTS.actions).contains("end canary " + model + " v2 to champion");
    assertThat(PORTS.notifications.getLast().body()).contains("error rate 12%");
    assertThat(runtimeVariable(instance, PromotionVariables.OUTCOME)).isEqualTo("rolled-back");
  }

  @Test
  void anUnhealthyDeploymentPutsThePreviousChampionBack() {
    PORTS.health = new HealthVerdict(false, "v2 failed to load: broken file");
    ProcessInstance instance = request();
    decide(instance, "bob", true, "ok");

    execute(job());

    assertThat(instance).hasPassed("restorePrevious", "promotionRolledBack").isEnded();
    assertThat(PORTS.actions.getLast()).startsWith("restore " + model + " v1").contains("broken");
  }

  @Test
  void fourEyesHoldsWhateverTheRequesterTries() {
    ProcessInstance instance = request();
    String taskId = task(instance).getId();

    assertThatThrownBy(
            () -> ENGINE.inbox().completeReview(taskId, "alice", REVIEWERS, true, "mine"))
        .isInstanceOf(SelfReviewException.class);
    assertThatThrownBy(() -> ENGINE.inbox().claim(taskId, "alice", REVIEWERS))
        .isInstanceOf(SelfReviewException.class);
    ENGINE.inbox().claim(taskId, "bob", REVIEWERS);
    assertThatThrownBy(() -> ENGINE.inbox().claim(taskId, "dave", REVIEWERS))
        .isInstanceOf(TaskClaimedException.class);
    assertThatThrownBy(
            () -> ENGINE.inbox().completeReview(taskId, "dave", REVIEWERS, true, "mine now"))
        .isInstanceOf(NotYourTaskException.class);
    assertThatThrownBy(() -> ENGINE.inbox().unclaim(taskId, "dave", false))
        .isInstanceOf(NotYourTaskException.class);
    assertThat(instance).isWaitingAt(PromotionVariables.REVIEW_TASK);

    ENGINE.inbox().completeReview(taskId, "bob", REVIEWERS, false, "not yet");
    assertThat(instance).hasPassed("promotionRejected").isEnded();
  }

  @Test
  void myTasksAndMyGroupsTasksAreListed() {
    ProcessInstance instance = request();
    String taskId = task(instance).getId();

    assertThat(ENGINE.inbox().openTasks("bob", REVIEWERS))
        .extracting(ReviewTask::id)
        .contains(taskId);
    assertThat(ENGINE.inbox().openTasks("victor", List.of("viewer"))).isEmpty();
    ENGINE.inbox().claim(taskId, "bob", REVIEWERS);
    assertThat(ENGINE.inbox().openTasks("dave", REVIEWERS))
        .filteredOn(t -> t.id().equals(taskId))
        .singleElement()
        .satisfies(t -> assertThat(t.assignee()).isEqualTo("bob"));
  }

  @Test
  void theHistoryTellsTheStepsInOrderAndWhereTheProcessWaits() {
    ProcessInstance instance = request(10, null);
    decide(instance, "bob", true, "go");

    ProcessHistory history = ENGINE.histories().history(instance.getId()).orElseThrow();

    assertThat(history.definitionKey()).isEqualTo(PromotionVariables.PROCESS_KEY);
    assertThat(history.state()).isEqualTo("ACTIVE");
    assertThat(history.steps())
        .extracting(ProcessHistory.Step::activityId)
        .containsSubsequence("promotionRequested", "runChecks", "reviewPromotion", "startCanary");
    assertThat(history.active()).containsExactly("canaryWindowElapsed");
    assertThat(history.steps())
        .filteredOn(step -> step.activityId().equals(PromotionVariables.REVIEW_TASK))
        .singleElement()
        .satisfies(
            step -> {
              assertThat(step.name()).isEqualTo("Review promotion of " + model + " v2 to champion");
              assertThat(step.assignee()).isEqualTo("bob");
            });
    assertThat(history.completed()).contains("reviewPromotion").doesNotContain("deployCandidate");
    assertThat(history.variables()).containsEntry(PromotionVariables.REVIEWER, "bob");
    assertThat(ENGINE.histories().processesOf(model, 10))
        .extracting(ProcessHistory::id)
        .contains(instance.getId());
    assertThat(ENGINE.histories().processModel(instance.getId())).isPresent();
  }

  @Test
  void anEmergencyRollbackSkipsReviewButTellsReviewersWhy() {
    String id = ENGINE.startEmergencyRollback(model, 1, "champion", "carol", "v2 answers NaN");

    assertThat(ENGINE.histories().history(id).orElseThrow().state()).isEqualTo("COMPLETED");
    assertThat(PORTS.actions)
        .containsExactly("restore " + model + " v1 (emergency rollback by carol: v2 answers NaN)");
    assertThat(PORTS.notifications)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.recipient()).isEqualTo("group:reviewer");
              assertThat(n.body()).contains("carol").contains("v2 answers NaN");
            });
  }

  private static Object runtimeVariable(ProcessInstance instance, String name) {
    return ENGINE
        .processEngine()
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId())
        .variableName(name)
        .singleResult()
        .getValue();
  }
}
