package org.mlplatform.workflows.retraining;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mlplatform.workflows.promotion.WorkflowNotifier;

/** The delegates the retraining BPMN files name, as beans their expressions resolve. */
public final class RetrainingSteps {

  private RetrainingSteps() {}

  public static Map<Object, Object> beans(RetrainingActions actions, WorkflowNotifier notifier) {
    Map<Object, Object> beans = new HashMap<>();
    beans.put(
        "buildRetrainingSet",
        (JavaDelegate)
            e ->
                e.setVariable(
                    RetrainingVariables.TRAINING_SET,
                    actions.buildTrainingSet(RetrainingCase.of(e))));
    beans.put(
        "checkRetrainingSet",
        (JavaDelegate)
            e -> {
              TrainingSetProgress progress =
                  actions.trainingSetProgress(
                      RetrainingCase.of(e),
                      (String) e.getVariable(RetrainingVariables.TRAINING_SET));
              e.setVariable(
                  RetrainingVariables.TRAINING_SET_STATE,
                  progress.state().name().toLowerCase(java.util.Locale.ROOT));
              if (progress.state() == TrainingSetProgress.State.FAILED) {
                e.setVariable(RetrainingVariables.BETTER, false);
                e.setVariable(
                    RetrainingVariables.REPORT,
                    "The fresh training set could not be built: " + progress.detail());
              }
            });
    beans.put(
        "trainAndEvaluate",
        (JavaDelegate)
            e -> {
              RetrainingEvaluation evaluation;
              try {
                evaluation =
                    actions.trainAndEvaluate(
                        RetrainingCase.of(e),
                        (String) e.getVariable(RetrainingVariables.TRAINING_SET));
              } catch (IllegalArgumentException refused) {
                // Settings or data the trainer refuses: retrying cannot help, so report it.
                evaluation =
                    new RetrainingEvaluation(
                        false,
                        java.util.OptionalInt.empty(),
                        "The retraining could not train: " + refused.getMessage());
              }
              e.setVariable(RetrainingVariables.BETTER, evaluation.better());
              e.setVariable(
                  RetrainingVariables.CANDIDATE_VERSION,
                  evaluation.candidateVersion().isPresent()
                      ? evaluation.candidateVersion().getAsInt()
                      : null);
              e.setVariable(RetrainingVariables.REPORT, evaluation.report());
            });
    beans.put(
        "proposePromotion",
        (JavaDelegate)
            e ->
                e.setVariable(
                    RetrainingVariables.PROMOTION,
                    actions.proposePromotion(
                        RetrainingCase.of(e),
                        (Integer) e.getVariable(RetrainingVariables.CANDIDATE_VERSION))));
    beans.put(
        "reportRetraining",
        (JavaDelegate)
            e -> {
              RetrainingCase retraining = RetrainingCase.of(e);
              boolean better = Boolean.TRUE.equals(e.getVariable(RetrainingVariables.BETTER));
              notifier.toUser(
                  retraining.requestedBy(),
                  better ? "retraining.proposed" : "retraining.kept",
                  (better ? "Retrained model proposed: " : "Champion kept: ") + retraining.model(),
                  (String) e.getVariable(RetrainingVariables.REPORT),
                  retraining.modelRoute());
            });
    beans.put("requestScheduledRetraining", new RequestScheduledRetraining());
    return beans;
  }
}
