package org.mlplatform.workflows.promotion;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mlplatform.workflows.PromotionVariables;

/**
 * Checks that serving followed the alias. Runs as a job after the move committed, because the
 * engine swaps only once the move is visible.
 */
final class VerifyDeployment implements JavaDelegate {

  private final DeploymentActions deployments;

  VerifyDeployment(DeploymentActions deployments) {
    this.deployments = deployments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    HealthVerdict verdict =
        deployments.verify(PromotionCase.of(execution, execution.getProcessInstanceId()));
    execution.setVariable(PromotionVariables.HEALTHY, verdict.healthy());
    execution.setVariable(PromotionVariables.HEALTH_DETAIL, verdict.detail());
  }
}
