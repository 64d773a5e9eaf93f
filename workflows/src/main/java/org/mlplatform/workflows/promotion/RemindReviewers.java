package org.mlplatform.workflows.promotion;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.mlplatform.workflows.PromotionVariables;

/** The review is overdue: remind the reviewers, and whoever claimed it. */
final class RemindReviewers implements JavaDelegate {

  private final WorkflowNotifier notifier;

  RemindReviewers(WorkflowNotifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PromotionCase promotion = PromotionCase.of(execution, execution.getProcessInstanceId());
    String title = "Review overdue: " + promotion;
    String body =
        promotion.requestedBy() + " asked for this promotion and it is past its due date.";
    notifier.toGroup(PromotionVariables.REVIEWER_GROUP, "review.overdue", title, body, "tasks");
    Task task = ReviewTasks.open(execution);
    if (task != null && task.getAssignee() != null) {
      notifier.toUser(task.getAssignee(), "review.overdue", title, body, "tasks");
    }
  }
}
