package org.mlplatform.workflows.promotion;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Takes the canary out of the traffic; the champion never moved. */
final class RollBackCanary implements JavaDelegate {

  private final DeploymentActions deployments;

  RollBackCanary(DeploymentActions deployments) {
    this.deployments = deployments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    deployments.endCanary(PromotionCase.of(execution, execution.getProcessInstanceId()));
  }
}
