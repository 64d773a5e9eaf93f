package org.mlplatform.workflows;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.mlplatform.workflows.retraining.RetrainingCase;
import org.mlplatform.workflows.retraining.RetrainingTrigger;
import org.mlplatform.workflows.retraining.RetrainingVariables;

/**
 * Starting retrainings (the message an alert, a person or a schedule sends) and keeping each
 * model's retraining schedule.
 */
public final class Retrainings {

  private final ProcessEngine engine;

  Retrainings(ProcessEngine engine) {
    this.engine = engine;
  }

  /**
   * Asks for a retraining through the message alerts also send; returns the process instance id.
   *
   * @throws RetrainingRunningException when one for the model is still running
   */
  public String requestRetraining(
      String model, RetrainingTrigger trigger, String requestedBy, String reason) {
    return requestRetraining(model, trigger, requestedBy, reason, Map.of());
  }

  /**
   * As {@link #requestRetraining(String, RetrainingTrigger, String, String)}, training with {@code
   * hyperparameters} in place of the champion's where they name the same setting.
   */
  public String requestRetraining(
      String model,
      RetrainingTrigger trigger,
      String requestedBy,
      String reason,
      Map<String, String> hyperparameters) {
    activeRetraining(model)
        .ifPresent(
            id -> {
              throw new RetrainingRunningException(model, id);
            });
    return engine
        .getRuntimeService()
        .createMessageCorrelation(RetrainingVariables.REQUESTED_MESSAGE)
        .processInstanceBusinessKey(model)
        .setVariable(RetrainingVariables.MODEL, model)
        .setVariable(RetrainingVariables.TRIGGER, trigger.label())
        .setVariable(RetrainingVariables.REQUESTED_BY, requestedBy)
        .setVariable(RetrainingVariables.REASON, reason)
        .setVariable(RetrainingVariables.HYPERPARAMETERS, RetrainingCase.encode(hyperparameters))
        .correlateStartMessage()
        .getId();
  }

  /** The running retraining of a model, if any. */
  public Optional<String> activeRetraining(String model) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey(RetrainingVariables.PROCESS_KEY)
        .processInstanceBusinessKey(model)
        .list()
        .stream()
        .map(ProcessInstance::getId)
        .findFirst();
  }

  /**
   * Replaces a model's retraining schedule: the running schedule ends, and a new one starts when
   * {@code every} is present.
   */
  public void scheduleRetraining(String model, Optional<java.time.Duration> every) {
    var runtime = engine.getRuntimeService();
    runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(RetrainingVariables.SCHEDULE_PROCESS_KEY)
        .processInstanceBusinessKey(model)
        .list()
        .forEach(p -> runtime.deleteProcessInstance(p.getId(), "schedule changed"));
    every.ifPresent(
        interval ->
            runtime.startProcessInstanceByKey(
                RetrainingVariables.SCHEDULE_PROCESS_KEY,
                model,
                Map.of(
                    RetrainingVariables.MODEL,
                    model,
                    RetrainingVariables.EVERY,
                    interval.toString())));
  }

  /** The next scheduled retraining of a model, if it has a schedule. */
  public Optional<java.time.Instant> nextScheduledRetraining(String model) {
    return engine
        .getManagementService()
        .createJobQuery()
        .processDefinitionKey(RetrainingVariables.SCHEDULE_PROCESS_KEY)
        .processInstanceId(
            Optional.ofNullable(
                    engine
                        .getRuntimeService()
                        .createProcessInstanceQuery()
                        .processDefinitionKey(RetrainingVariables.SCHEDULE_PROCESS_KEY)
                        .processInstanceBusinessKey(model)
                        .singleResult())
                .map(ProcessInstance::getId)
                .orElse("-"))
        .timers()
        .list()
        .stream()
        .map(j -> j.getDuedate().toInstant())
        .findFirst();
  }

  /** A retraining of the model is still running. */
  public static final class RetrainingRunningException extends RuntimeException {
    public RetrainingRunningException(String model, String processInstanceId) {
      super("a retraining of " + model + " is still running: process " + processInstanceId);
    }
  }
}
