package org.mlplatform.workflows.retraining;

/**
 * What retraining steps do on the platform. Each runs in a job of its own (training takes a while),
 * in the job's transaction.
 */
public interface RetrainingActions {

  /**
   * Starts building a fresh training set with the champion's feature service over a new time
   * window. The build is a job of its own; the process polls {@link #trainingSetProgress} with a
   * timer rather than hold a thread while it runs.
   *
   * @return the new training set's id
   */
  String buildTrainingSet(RetrainingCase retraining);

  /** How the build of a fresh training set is going. */
  TrainingSetProgress trainingSetProgress(RetrainingCase retraining, String trainingSetId);

  /**
   * Trains with the champion's algorithm and hyperparameters, scores the new model and the champion
   * on the same held-out rows, and registers the new model as a version when it is better by the
   * model's margin.
   */
  RetrainingEvaluation trainAndEvaluate(RetrainingCase retraining, String trainingSetId);

  /**
   * Asks for the better version's promotion to champion.
   *
   * @return the promotion's process instance id
   */
  String proposePromotion(RetrainingCase retraining, int version);
}
