package org.mlplatform.workflows.promotion;

import java.util.OptionalInt;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mlplatform.workflows.PromotionVariables;

/**
 * Moves the alias to the candidate, in the transaction of the step that reached it (the approval,
 * or the canary's verdict), and remembers the version it replaced.
 */
final class DeployCandidate implements JavaDelegate {

  private final DeploymentActions deployments;

  DeployCandidate(DeploymentActions deployments) {
    this.deployments = deployments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PromotionCase promotion = PromotionCase.of(execution, execution.getProcessInstanceId());
    String reviewer = (String) execution.getVariable(PromotionVariables.REVIEWER);
    Object comment = execution.getVariable(PromotionVariables.COMMENT);
    String reason =
        "promotion "
            + promotion.processInstanceId()
            + " approved by "
            + reviewer
            + (comment == null || comment.toString().isBlank() ? "" : ": " + comment);
    OptionalInt previous = deployments.promote(promotion, reviewer, reason);
    if (promotion.canary()) {
      deployments.endCanary(promotion);
    }
    execution.setVariable(
        PromotionVariables.PREVIOUS_VERSION,
        previous.isPresent() && previous.getAsInt() != promotion.version()
            ? previous.getAsInt()
            : null);
  }
}
