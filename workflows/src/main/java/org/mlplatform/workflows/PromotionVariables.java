package org.mlplatform.workflows;

/** Names of the model-promotion process's variables, shared by the BPMN file, code and tests. */
public final class PromotionVariables {

  public static final String PROCESS_KEY = "modelPromotion";
  public static final String REVIEW_TASK = "reviewPromotion";
  public static final String REVIEWER_GROUP = "reviewer";
  public static final String ADMIN_GROUP = "admin";

  public static final String MODEL = "model";
  public static final String VERSION = "version";
  public static final String ALIAS = "alias";
  public static final String REQUESTED_BY = "requestedBy";
  public static final String CANARY_PERCENT = "canaryPercent";
  public static final String OVERRIDE_JUSTIFICATION = "overrideJustification";
  public static final String REVIEW_DUE = "reviewDue";
  public static final String ESCALATE_AT = "escalateAt";
  public static final String CANARY_WINDOW = "canaryWindow";

  public static final String CHECKS = "checks";
  public static final String CHECKS_PASSED = "checksPassed";
  public static final String CHECKS_OVERRIDDEN = "checksOverridden";

  public static final String DECISION = "decision";
  public static final String REVIEWER = "reviewer";
  public static final String COMMENT = "comment";

  public static final String PREVIOUS_VERSION = "previousVersion";
  public static final String CANARY_ROLL_OUT = "canaryRollOut";
  public static final String CANARY_REASON = "canaryReason";
  public static final String HEALTHY = "healthy";
  public static final String HEALTH_DETAIL = "healthDetail";
  public static final String OUTCOME = "outcome";

  private PromotionVariables() {}
}
