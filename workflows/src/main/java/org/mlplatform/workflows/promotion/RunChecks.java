package org.mlplatform.workflows.promotion;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mlplatform.workflows.PromotionVariables;

/** Runs the automated checks and records whether review may follow. */
final class RunChecks implements JavaDelegate {

  private final PromotionChecks checks;

  RunChecks(PromotionChecks checks) {
    this.checks = checks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PromotionCase promotion = PromotionCase.of(execution, execution.getProcessInstanceId());
    List<CheckResult> results = checks.run(promotion);
    boolean passed = results.stream().noneMatch(CheckResult::failed);
    boolean justified = execution.getVariable(PromotionVariables.OVERRIDE_JUSTIFICATION) != null;
    execution.setVariable(PromotionVariables.CHECKS, CheckResult.encode(results));
    execution.setVariable(PromotionVariables.CHECKS_PASSED, passed);
    execution.setVariable(PromotionVariables.CHECKS_OVERRIDDEN, !passed && justified);
  }
}
