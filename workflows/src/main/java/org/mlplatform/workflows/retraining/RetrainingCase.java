package org.mlplatform.workflows.retraining;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What a running retraining is about, read from its variables.
 *
 * @param requestedBy who asked (the alert's or schedule's owner is the workflow itself); a
 *     promotion it proposes is requested in this name, so they cannot also approve it
 */
public record RetrainingCase(
    String model,
    RetrainingTrigger trigger,
    String requestedBy,
    String reason,
    String processInstanceId) {

  static RetrainingCase of(DelegateExecution execution) {
    return new RetrainingCase(
        (String) execution.getVariable(RetrainingVariables.MODEL),
        RetrainingTrigger.of((String) execution.getVariable(RetrainingVariables.TRIGGER)),
        (String) execution.getVariable(RetrainingVariables.REQUESTED_BY),
        (String) execution.getVariable(RetrainingVariables.REASON),
        execution.getProcessInstanceId());
  }

  /** The model's portal route, for notifications. */
  public String modelRoute() {
    return "models/" + model;
  }
}
