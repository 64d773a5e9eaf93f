package org.mlplatform.workflows.promotion;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Tells the requester how their promotion ended. */
final class NotifyRequester implements JavaDelegate {

  private final WorkflowNotifier notifier;
  private final PromotionNotice notice;

  NotifyRequester(WorkflowNotifier notifier, PromotionNotice notice) {
    this.notifier = notifier;
    this.notice = notice;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notice.send(notifier, PromotionCase.of(execution, execution.getProcessInstanceId()), execution);
  }
}
