package org.mlplatform.workflows.promotion;

import java.util.List;

/** The automated checks a promotion runs before a reviewer sees it. */
public interface PromotionChecks {

  /**
   * Runs every check. A check that cannot run reports itself failed with the reason rather than
   * throwing, so one broken check never hides the others.
   */
  List<CheckResult> run(PromotionCase promotion);
}
