package org.mlplatform.workflows.promotion;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mlplatform.workflows.PromotionVariables;

/** Judges the canary once its observation window has passed. */
final class EvaluateCanary implements JavaDelegate {

  private final DeploymentActions deployments;

  EvaluateCanary(DeploymentActions deployments) {
    this.deployments = deployments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CanaryVerdict verdict =
        deployments.evaluateCanary(PromotionCase.of(execution, execution.getProcessInstanceId()));
    execution.setVariable(PromotionVariables.CANARY_ROLL_OUT, verdict.rollOut());
    execution.setVariable(PromotionVariables.CANARY_REASON, verdict.reason());
  }
}
