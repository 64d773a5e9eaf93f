package org.mlplatform.workflows.promotion;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mlplatform.workflows.PromotionVariables;

/** A rollback skipped review, so reviewers hear of it afterwards, with the reason. */
final class NotifyReviewersOfRollback implements JavaDelegate {

  private final WorkflowNotifier notifier;

  NotifyReviewersOfRollback(WorkflowNotifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PromotionCase rollback = PromotionCase.of(execution, execution.getProcessInstanceId());
    notifier.toGroup(
        PromotionVariables.REVIEWER_GROUP,
        "rollback.emergency",
        "Emergency rollback: " + rollback,
        rollback.requestedBy()
            + " rolled "
            + rollback.alias()
            + " back without review: "
            + execution.getVariable(PromotionVariables.COMMENT),
        rollback.versionRoute());
  }
}
