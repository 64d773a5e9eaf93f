package org.mlplatform.workflows.retraining;

/** Names of the retraining processes' keys, messages and variables. */
public final class RetrainingVariables {

  public static final String PROCESS_KEY = "modelRetraining";
  public static final String SCHEDULE_PROCESS_KEY = "retrainingSchedule";
  public static final String REQUESTED_MESSAGE = "retrainingRequested";

  public static final String MODEL = "model";
  public static final String TRIGGER = "trigger";
  public static final String REQUESTED_BY = "requestedBy";
  public static final String REASON = "reason";
  public static final String EVERY = "every";
  public static final String HYPERPARAMETERS = "hyperparameters";

  public static final String TRAINING_SET = "trainingSetId";
  public static final String TRAINING_SET_STATE = "trainingSetState";
  public static final String BETTER = "better";
  public static final String CANDIDATE_VERSION = "candidateVersion";
  public static final String REPORT = "report";
  public static final String PROMOTION = "promotionProcessId";
  public static final String OUTCOME = "outcome";

  private RetrainingVariables() {}
}
