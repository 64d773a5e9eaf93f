package org.mlplatform.workflows.retraining;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The schedule's timer fired: start a retraining through the same message an alert or a person
 * sends, unless one for the model is still running.
 */
final class RequestScheduledRetraining implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String model = (String) execution.getVariable(RetrainingVariables.MODEL);
    var runtime = execution.getProcessEngineServices().getRuntimeService();
    boolean running =
        runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(RetrainingVariables.PROCESS_KEY)
                .processInstanceBusinessKey(model)
                .count()
            > 0;
    if (!running) {
      runtime
          .createMessageCorrelation(RetrainingVariables.REQUESTED_MESSAGE)
          .processInstanceBusinessKey(model)
          .setVariable(RetrainingVariables.MODEL, model)
          .setVariable(RetrainingVariables.TRIGGER, RetrainingTrigger.SCHEDULE.label())
          .setVariable(RetrainingVariables.REQUESTED_BY, "workflow")
          .setVariable(
              RetrainingVariables.REASON,
              "scheduled every " + execution.getVariable(RetrainingVariables.EVERY))
          .correlateStartMessage();
    }
  }
}
