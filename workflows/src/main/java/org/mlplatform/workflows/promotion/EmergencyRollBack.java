package org.mlplatform.workflows.promotion;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mlplatform.workflows.PromotionVariables;

/** Points the alias at the earlier version an admin chose, with their reason on record. */
final class EmergencyRollBack implements JavaDelegate {

  private final DeploymentActions deployments;

  EmergencyRollBack(DeploymentActions deployments) {
    this.deployments = deployments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PromotionCase rollback = PromotionCase.of(execution, execution.getProcessInstanceId());
    deployments.restore(
        rollback,
        rollback.version(),
        "emergency rollback by "
            + rollback.requestedBy()
            + ": "
            + execution.getVariable(PromotionVariables.COMMENT));
  }
}
