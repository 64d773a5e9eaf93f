package org.mlplatform.workflows.promotion;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.mlplatform.workflows.PromotionVariables;

/**
 * What a running promotion is about, read from its variables: the ports see this, never the
 * engine's types.
 *
 * @param canaryPercent the share of traffic the candidate gets first; 0 promotes at once
 * @param processInstanceId the process, named in the alias history and in notifications
 */
public record PromotionCase(
    String model,
    int version,
    String alias,
    String requestedBy,
    int canaryPercent,
    String processInstanceId) {

  /** Reads the case from a running promotion (an execution or a task). */
  public static PromotionCase of(VariableScope scope, String processInstanceId) {
    Object canary = scope.getVariable(PromotionVariables.CANARY_PERCENT);
    return new PromotionCase(
        (String) scope.getVariable(PromotionVariables.MODEL),
        (Integer) scope.getVariable(PromotionVariables.VERSION),
        (String) scope.getVariable(PromotionVariables.ALIAS),
        (String) scope.getVariable(PromotionVariables.REQUESTED_BY),
        canary == null ? 0 : (Integer) canary,
        processInstanceId);
  }

  public boolean canary() {
    return canaryPercent > 0;
  }

  /** The portal route of the candidate version, for links in notifications. */
  public String versionRoute() {
    return "models/" + model + "/versions/" + version;
  }

  @Override
  public String toString() {
    return model + " v" + version + " to " + alias;
  }
}
