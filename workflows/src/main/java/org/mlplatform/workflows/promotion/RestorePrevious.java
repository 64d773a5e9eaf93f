package org.mlplatform.workflows.promotion;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mlplatform.workflows.PromotionVariables;

/** Points the alias back at the version it replaced when the new one did not become healthy. */
final class RestorePrevious implements JavaDelegate {

  private final DeploymentActions deployments;

  RestorePrevious(DeploymentActions deployments) {
    this.deployments = deployments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object previous = execution.getVariable(PromotionVariables.PREVIOUS_VERSION);
    if (previous != null) {
      deployments.restore(
          PromotionCase.of(execution, execution.getProcessInstanceId()),
          (Integer) previous,
          "automatic rollback: " + execution.getVariable(PromotionVariables.HEALTH_DETAIL));
    }
  }
}
