package org.mlplatform.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mlplatform.workflows.Retrainings.RetrainingRunningException;
import org.mlplatform.workflows.promotion.PromotionRequest;
import org.mlplatform.workflows.retraining.RetrainingEvaluation;
import org.mlplatform.workflows.retraining.RetrainingTrigger;
import org.mlplatform.workflows.retraining.RetrainingVariables;

/**
 * The retraining process and its schedule on the platform's engine, with recording ports: a
 * retraining that wins starts a real promotion process, one that loses reports and ends, and the
 * schedule's timer starts retrainings through the same message an alert sends.
 */
class ModelRetrainingProcessTest {

  private static final RecordingPorts PORTS = new RecordingPorts();
  private static final WorkflowEngine ENGINE = TestEngines.standalone("retraining-process", PORTS);

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
    PORTS.promotionStarter =
        (retraining, version) ->
            ENGINE.startPromotion(
                new PromotionRequest(
                    retraining.model(),
                    version,
                    "champion",
                    retraining.requestedBy(),
                    0,
                    null,
                    Instant.now().plusSeconds(3_600),
                    Instant.now().plusSeconds(7_200),
                    Duration.ofMinutes(5)));
  }

  private ProcessInstance retraining(String id) {
    return runtimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  @Test
  void aRetrainingThatWinsAsksForThePromotionOfTheNewVersion() {
    String id =
        ENGINE.retrainings().requestRetraining(model, RetrainingTrigger.ALERT, "workflow", "drift");
    ProcessInstance instance = retraining(id);

    assertThat(instance).isWaitingAt("buildRetrainingSet");
    execute(job());
    assertThat(instance).isWaitingAt("waitForTrainingSet");
    execute(job());

    assertThat(instance)
        .hasPassedInOrder(
            "buildRetrainingSet", "checkRetrainingSet", "trainAndEvaluate", "proposePromotion")
        .isEnded();
    assertThat(PORTS.actions)
        .containsSubsequence(
            "build training set for " + model + " (ALERT)",
            "train " + model + " on set-1",
            "propose " + model + " v3 by workflow",
            "checks " + model + " v3 to champion");
    String promotion =
        ENGINE.histories().history(id).orElseThrow().variables().get(RetrainingVariables.PROMOTION);
    assertThat(ENGINE.histories().history(promotion).orElseThrow().active())
        .containsExactly(PromotionVariables.REVIEW_TASK);
    assertThat(PORTS.kindsFor("user:workflow")).containsExactly("retraining.proposed");
  }

  @Test
  void aRetrainingThatLosesKeepsTheChampionAndReportsWhy() {
    PORTS.evaluation =
        new RetrainingEvaluation(
            false, OptionalInt.empty(), "accuracy 0.85 vs champion 0.86: not better by 0.01");
    String id =
        ENGINE
            .retrainings()
            .requestRetraining(model, RetrainingTrigger.MANUAL, "alice", "new data");
    execute(jobQuery().processInstanceId(id).singleResult());
    execute(jobQuery().processInstanceId(id).singleResult());

    assertThat(retraining(id)).isNull();
    assertThat(ENGINE.histories().history(id).orElseThrow().steps())
        .extracting(ProcessHistory.Step::activityId)
        .contains("reportRetraining")
        .doesNotContain("proposePromotion");
    assertThat(PORTS.actions).noneMatch(a -> a.startsWith("propose"));
    assertThat(PORTS.notifications)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.recipient()).isEqualTo("user:alice");
              assertThat(n.kind()).isEqualTo("retraining.kept");
              assertThat(n.body()).contains("not better by 0.01");
            });
  }

  @Test
  void theProcessWaitsWithATimerWhileTheTrainingSetBuilds() {
    PORTS.progress =
        new java.util.ArrayDeque<>(
            java.util.List.of(
                org.mlplatform.workflows.retraining.TrainingSetProgress.building(),
                org.mlplatform.workflows.retraining.TrainingSetProgress.building(),
                org.mlplatform.workflows.retraining.TrainingSetProgress.ready()));
    String id =
        ENGINE.retrainings().requestRetraining(model, RetrainingTrigger.MANUAL, "alice", "refresh");
    execute(jobQuery().processInstanceId(id).singleResult());
    for (int poll = 0; poll < 2; poll++) {
      execute(jobQuery().processInstanceId(id).singleResult());
      assertThat(retraining(id)).isWaitingAt("waitForTrainingSet");
    }
    execute(jobQuery().processInstanceId(id).singleResult());

    assertThat(PORTS.actions.stream().filter(a -> a.startsWith("poll"))).hasSize(3);
    assertThat(PORTS.actions).contains("train " + model + " on set-1");
  }

  @Test
  void aTrainingSetThatFailsToBuildEndsWithAReport() {
    PORTS.progress =
        new java.util.ArrayDeque<>(
            java.util.List.of(
                org.mlplatform.workflows.retraining.TrainingSetProgress.failed(
                    "feature view stats has no rows")));
    String id =
        ENGINE.retrainings().requestRetraining(model, RetrainingTrigger.MANUAL, "alice", "refresh");
    execute(jobQuery().processInstanceId(id).singleResult());
    execute(jobQuery().processInstanceId(id).singleResult());

    assertThat(ENGINE.histories().history(id).orElseThrow().state()).isEqualTo("COMPLETED");
    assertThat(PORTS.actions).noneMatch(a -> a.startsWith("train"));
    assertThat(PORTS.notifications.getFirst().body()).contains("feature view stats has no rows");
  }

  @Test
  void settingsGivenWithTheRequestReachTheTrainer() {
    String id =
        ENGINE
            .retrainings()
            .requestRetraining(
                model,
                RetrainingTrigger.MANUAL,
                "alice",
                "more epochs",
                java.util.Map.of("epochs", "9", "learningRate", "0.05"));
    execute(jobQuery().processInstanceId(id).singleResult());
    execute(jobQuery().processInstanceId(id).singleResult());

    assertThat(PORTS.actions)
        .contains("train " + model + " on set-1 with {epochs=9, learningRate=0.05}");
  }

  @Test
  void settingsTheTrainerRefusesEndWithAReportNotAnIncident() {
    PORTS.trainerRefusal = new IllegalArgumentException("epochs must be at least 1, got 0");
    String id =
        ENGINE
            .retrainings()
            .requestRetraining(
                model, RetrainingTrigger.MANUAL, "alice", "x", java.util.Map.of("epochs", "0"));
    execute(jobQuery().processInstanceId(id).singleResult());
    execute(jobQuery().processInstanceId(id).singleResult());

    assertThat(ENGINE.histories().history(id).orElseThrow().state()).isEqualTo("COMPLETED");
    assertThat(PORTS.notifications.getFirst().body())
        .startsWith("The retraining could not train")
        .contains("epochs must be at least 1");
  }

  @Test
  void oneRetrainingOfAModelAtATime() {
    ENGINE.retrainings().requestRetraining(model, RetrainingTrigger.MANUAL, "alice", "first");

    assertThatThrownBy(
            () ->
                ENGINE
                    .retrainings()
                    .requestRetraining(model, RetrainingTrigger.ALERT, "workflow", "second"))
        .isInstanceOf(RetrainingRunningException.class)
        .hasMessageContaining(model);
  }

  @Test
  void aScheduleStartsRetrainingsOnItsTimerUntilItIsRemoved() {
    ENGINE.retrainings().scheduleRetraining(model, Optional.of(Duration.ofHours(6)));
    Instant next = ENGINE.retrainings().nextScheduledRetraining(model).orElseThrow();
    assertThat(next).isAfter(Instant.now().plus(Duration.ofHours(5)));

    String schedule =
        runtimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(RetrainingVariables.SCHEDULE_PROCESS_KEY)
            .processInstanceBusinessKey(model)
            .singleResult()
            .getId();
    execute(jobQuery().processInstanceId(schedule).singleResult());

    String started = ENGINE.retrainings().activeRetraining(model).orElseThrow();
    assertThat(ENGINE.histories().history(started).orElseThrow().variables())
        .containsEntry(RetrainingVariables.TRIGGER, "schedule")
        .containsEntry(RetrainingVariables.REQUESTED_BY, "workflow");
    assertThat(ENGINE.retrainings().nextScheduledRetraining(model))
        .as("the schedule waits again")
        .isPresent();

    ENGINE.retrainings().scheduleRetraining(model, Optional.empty());
    assertThat(ENGINE.retrainings().nextScheduledRetraining(model)).isEmpty();
  }
}
