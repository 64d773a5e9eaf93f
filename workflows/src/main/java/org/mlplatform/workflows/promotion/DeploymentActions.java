package org.mlplatform.workflows.promotion;

import java.util.OptionalInt;

/**
 * What an approved promotion does to the registry and the serving engine. Each call runs in the
 * process step's transaction; alias moves carry the process as their grant.
 */
public interface DeploymentActions {

  /**
   * Points the alias at the candidate.
   *
   * @return the version the alias pointed at before, to roll back to
   */
  OptionalInt promote(PromotionCase promotion, String approvedBy, String reason);

  /** Serves the candidate to {@code canaryPercent} of the traffic; the alias stays. */
  void startCanary(PromotionCase promotion);

  /** Judges the canary on what it served since {@link #startCanary}. */
  CanaryVerdict evaluateCanary(PromotionCase promotion);

  /** Ends the canary route; the champion alone serves again. */
  void endCanary(PromotionCase promotion);

  /** Checks that the deployment serves the candidate and is ready, waiting a bounded time. */
  HealthVerdict verify(PromotionCase promotion);

  /** Points the alias back at {@code version}, recording why. */
  void restore(PromotionCase promotion, int version, String reason);
}
