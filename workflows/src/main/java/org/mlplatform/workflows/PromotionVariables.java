package org.mlplatform.workflows;

/** Names of the model-promotion process's variables, shared by the BPMN file, code and tests. */
public final class PromotionVariables {

  public static final String PROCESS_KEY = "modelPromotion";
  public static final String REVIEW_TASK = "reviewPromotion";
  public static final String REVIEWER_GROUP = "reviewer";

  public static final String MODEL = "model";
  public static final String VERSION = "version";
  public static final String ALIAS = "alias";
  public static final String REQUESTED_BY = "requestedBy";
  public static final String DECISION = "decision";
  public static final String COMMENT = "comment";

  private PromotionVariables() {}
}
