package org.mlplatform.workflows.promotion;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Sends the candidate its share of the traffic and tells the requester the window started. */
final class StartCanary implements JavaDelegate {

  private final DeploymentActions deployments;
  private final WorkflowNotifier notifier;

  StartCanary(DeploymentActions deployments, WorkflowNotifier notifier) {
    this.deployments = deployments;
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PromotionCase promotion = PromotionCase.of(execution, execution.getProcessInstanceId());
    deployments.startCanary(promotion);
    notifier.toUser(
        promotion.requestedBy(),
        "promotion.canary-started",
        "Canary started: " + promotion,
        "Approved. v%d now serves %d%% of %s's traffic; it is judged at the end of the observation window."
            .formatted(promotion.version(), promotion.canaryPercent(), promotion.model()),
        promotion.versionRoute());
  }
}
