package org.mlplatform.workflows.promotion;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.mlplatform.workflows.PromotionVariables;

/** Still no decision after the reminder: admins may now work the review too. */
final class EscalateToAdmins implements JavaDelegate {

  private final WorkflowNotifier notifier;

  EscalateToAdmins(WorkflowNotifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PromotionCase promotion = PromotionCase.of(execution, execution.getProcessInstanceId());
    Task task = ReviewTasks.open(execution);
    if (task != null) {
      execution
          .getProcessEngineServices()
          .getTaskService()
          .addCandidateGroup(task.getId(), PromotionVariables.ADMIN_GROUP);
    }
    notifier.toGroup(
        PromotionVariables.ADMIN_GROUP,
        "review.escalated",
        "Review escalated: " + promotion,
        "No reviewer decided in time; admins may now approve or reject it.",
        "tasks");
  }
}
