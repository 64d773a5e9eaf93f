package org.mlplatform.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mlplatform.workflows.promotion.PromotionRequest;

/**
 * A reviewer decides in the very moment the review's reminder and escalation timers fire. Camunda
 * refuses one of the two transactions; {@link EngineConflicts} must turn that into a decision
 * taken, not a "refused" shown to the reviewer (seen in the portal before the retry existed).
 */
class ReviewTimerRaceTest {

  private static final RecordingPorts PORTS = new RecordingPorts();
  private static final WorkflowEngine ENGINE = TestEngines.standalone("review-race", PORTS);
  private static final int ROUNDS = 40;

  @AfterAll
  static void closeEngine() {
    ENGINE.close();
  }

  @Test
  void aDecisionRacingTheReviewTimersIsTakenEveryTime() throws Exception {
    ProcessEngine camunda = ENGINE.processEngine();
    ExecutorService threads = Executors.newFixedThreadPool(3);
    AtomicInteger timerConflicts = new AtomicInteger();
    try {
      for (int round = 0; round < ROUNDS; round++) {
        String instance = overdueReview("race" + round);
        String taskId =
            camunda
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(instance)
                .singleResult()
                .getId();
        List<Job> timers =
            camunda
                .getManagementService()
                .createJobQuery()
                .processInstanceId(instance)
                .timers()
                .list();
        assertThat(timers).hasSize(2);
        CyclicBarrier start = new CyclicBarrier(3);
        List<Future<?>> firing =
            timers.stream()
                .map(
                    timer ->
                        threads.submit(
                            () -> {
                              await(start);
                              try {
                                camunda.getManagementService().executeJob(timer.getId());
                              } catch (RuntimeException e) {
                                // The job executor would run it again; only count it.
                                timerConflicts.incrementAndGet();
                              }
                            }))
                .<Future<?>>map(f -> f)
                .toList();
        Future<PromotionDecision> decided =
            threads.submit(
                () -> {
                  await(start);
                  return EngineConflicts.retried(
                      () ->
                          ENGINE
                              .inbox()
                              .completeReview(taskId, "bob", List.of("reviewer"), false, "no"));
                });

        assertThat(decided.get(30, TimeUnit.SECONDS).approved()).isFalse();
        for (Future<?> timer : firing) {
          timer.get(30, TimeUnit.SECONDS);
        }
        assertThat(camunda.getTaskService().createTaskQuery().processInstanceId(instance).count())
            .as("round %d: the review task is done", round)
            .isZero();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void onlyTheEnginesConcurrentChangeRefusalIsRetried() {
    AtomicInteger calls = new AtomicInteger();
    assertThat(
            EngineConflicts.retried(
                () -> {
                  if (calls.incrementAndGet() < 3) {
                    throw new RuntimeException(new OptimisticLockingException("changed"));
                  }
                  return "done";
                }))
        .isEqualTo("done");
    assertThat(calls).hasValue(3);

    calls.set(0);
    assertThatThrownBy(
            () ->
                EngineConflicts.retried(
                    () -> {
                      calls.incrementAndGet();
                      throw new IllegalStateException("four eyes");
                    }))
        .hasMessage("four eyes");
    assertThat(calls).hasValue(1);

    calls.set(0);
    assertThatThrownBy(
            () ->
                EngineConflicts.retried(
                    () -> {
                      calls.incrementAndGet();
                      throw new OptimisticLockingException("always");
                    }))
        .isInstanceOf(OptimisticLockingException.class);
    assertThat(calls).hasValue(EngineConflicts.ATTEMPTS);
  }

  private String overdueReview(String model) {
    Instant past = Instant.now().minus(Duration.ofMinutes(1));
    PromotionRequest promotion =
        new PromotionRequest(
            model, 2, "champion", "alice", 0, null, past, past, Duration.ofMinutes(10));
    return ENGINE
        .processEngine()
        .getRuntimeService()
        .startProcessInstanceByKey(
            PromotionVariables.PROCESS_KEY, model + ":2", promotion.variables())
        .getId();
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
