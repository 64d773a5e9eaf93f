package org.mlplatform.workflows.promotion;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.mlplatform.workflows.PromotionVariables;

/** Finds the open review task of the process an execution belongs to. */
final class ReviewTasks {

  private ReviewTasks() {}

  static Task open(DelegateExecution execution) {
    return execution
        .getProcessEngineServices()
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(PromotionVariables.REVIEW_TASK)
        .singleResult();
  }
}
