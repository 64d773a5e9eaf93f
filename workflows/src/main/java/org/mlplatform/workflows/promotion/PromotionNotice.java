package org.mlplatform.workflows.promotion;

import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.mlplatform.workflows.PromotionVariables;

/** How each way a promotion can end is told to its requester. */
enum PromotionNotice {
  CHECKS_FAILED("promotion.checks-failed", "Checks failed") {
    @Override
    String body(VariableScope vars) {
      return "The promotion ended before review. Failed: "
          + String.join(
              "; ",
              CheckResult.decode((String) vars.getVariable(PromotionVariables.CHECKS)).stream()
                  .filter(CheckResult::failed)
                  .map(c -> c.name() + ": " + c.detail())
                  .toList())
          + ". Ask again with a justification to let a reviewer decide.";
    }
  },
  REJECTED("promotion.rejected", "Promotion rejected") {
    @Override
    String body(VariableScope vars) {
      return vars.getVariable(PromotionVariables.REVIEWER)
          + " rejected it: "
          + vars.getVariable(PromotionVariables.COMMENT);
    }
  },
  DEPLOYED("promotion.deployed", "Promoted") {
    @Override
    String body(VariableScope vars) {
      return "Approved by "
          + vars.getVariable(PromotionVariables.REVIEWER)
          + ". The deployment serves it: "
          + vars.getVariable(PromotionVariables.HEALTH_DETAIL);
    }
  },
  ROLLED_BACK("promotion.rolled-back", "Rolled back") {
    @Override
    String body(VariableScope vars) {
      Object canaryReason = vars.getVariable(PromotionVariables.CANARY_REASON);
      Boolean rolledOut = (Boolean) vars.getVariable(PromotionVariables.CANARY_ROLL_OUT);
      if (Boolean.FALSE.equals(rolledOut)) {
        return "The canary did not earn the rollout: " + canaryReason;
      }
      return "The deployment did not become healthy, so the alias went back: "
          + vars.getVariable(PromotionVariables.HEALTH_DETAIL);
    }
  };

  private final String kind;
  private final String title;

  PromotionNotice(String kind, String title) {
    this.kind = kind;
    this.title = title;
  }

  abstract String body(VariableScope vars);

  void send(WorkflowNotifier notifier, PromotionCase promotion, VariableScope vars) {
    notifier.toUser(
        promotion.requestedBy(),
        kind,
        title + ": " + promotion,
        body(vars),
        promotion.versionRoute());
  }

  /** Bean names for the BPMN file: {@code notifyChecksFailed}, {@code notifyRejected}, ... */
  String beanName() {
    StringBuilder name = new StringBuilder("notify");
    for (String word : List.of(name().toLowerCase(java.util.Locale.ROOT).split("_"))) {
      name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return name.toString();
  }
}
