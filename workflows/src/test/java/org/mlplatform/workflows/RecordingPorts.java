package org.mlplatform.workflows;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.mlplatform.workflows.promotion.CanaryVerdict;
import org.mlplatform.workflows.promotion.CheckResult;
import org.mlplatform.workflows.promotion.DeploymentActions;
import org.mlplatform.workflows.promotion.HealthVerdict;
import org.mlplatform.workflows.promotion.PromotionCase;
import org.mlplatform.workflows.promotion.PromotionChecks;
import org.mlplatform.workflows.promotion.WorkflowNotifier;
import org.mlplatform.workflows.promotion.WorkflowPorts;
import org.mlplatform.workflows.retraining.RetrainingActions;
import org.mlplatform.workflows.retraining.RetrainingCase;
import org.mlplatform.workflows.retraining.RetrainingEvaluation;
import org.mlplatform.workflows.retraining.TrainingSetProgress;

/** Ports that answer as a test sets them up and remember every call, in order. */
final class RecordingPorts
    implements PromotionChecks, DeploymentActions, WorkflowNotifier, RetrainingActions {

  /** A notification as it was sent. */
  record Sent(String recipient, String kind, String title, String body, String link) {}

  final List<String> actions = new ArrayList<>();
  final List<Sent> notifications = new ArrayList<>();
  List<CheckResult> checkResults = List.of(CheckResult.passed("signature", "fits"));
  CanaryVerdict canaryVerdict = new CanaryVerdict(true, "0 errors in 120 requests");
  HealthVerdict health = new HealthVerdict(true, "serves v2, ready");
  OptionalInt championBefore = OptionalInt.of(1);
  RetrainingEvaluation evaluation =
      new RetrainingEvaluation(true, OptionalInt.of(3), "accuracy 0.91 vs champion 0.86");

  /** Where a proposed promotion starts; tests that retrain set it. */
  java.util.function.BiFunction<RetrainingCase, Integer, String> promotionStarter =
      (r, v) -> "promotion-of-v" + v;

  WorkflowPorts ports() {
    return new WorkflowPorts(this, this, this, this);
  }

  void reset() {
    actions.clear();
    notifications.clear();
    checkResults = List.of(CheckResult.passed("signature", "fits"));
    canaryVerdict = new CanaryVerdict(true, "0 errors in 120 requests");
    health = new HealthVerdict(true, "serves v2, ready");
    championBefore = OptionalInt.of(1);
    evaluation =
        new RetrainingEvaluation(true, OptionalInt.of(3), "accuracy 0.91 vs champion 0.86");
    progress = new java.util.ArrayDeque<>(List.of(TrainingSetProgress.ready()));
    trainerRefusal = null;
  }

  @Override
  public List<CheckResult> run(PromotionCase promotion) {
    actions.add("checks " + promotion);
    return checkResults;
  }

  @Override
  public OptionalInt promote(PromotionCase promotion, String approvedBy, String reason) {
    actions.add("promote " + promotion + " by " + approvedBy);
    return championBefore;
  }

  @Override
  public void startCanary(PromotionCase promotion) {
    actions.add("canary " + promotion.canaryPercent() + "% " + promotion);
  }

  @Override
  public CanaryVerdict evaluateCanary(PromotionCase promotion) {
    actions.add("judge canary " + promotion);
    return canaryVerdict;
  }

  @Override
  public void endCanary(PromotionCase promotion) {
    actions.add("end canary " + promotion);
  }

  @Override
  public HealthVerdict verify(PromotionCase promotion) {
    actions.add("verify " + promotion);
    return health;
  }

  @Override
  public void restore(PromotionCase promotion, int version, String reason) {
    actions.add("restore " + promotion.model() + " v" + version + " (" + reason + ")");
  }

  @Override
  public String buildTrainingSet(RetrainingCase retraining) {
    actions.add("build training set for " + retraining.model() + " (" + retraining.trigger() + ")");
    return "set-1";
  }

  /** What the trainer throws instead of answering, when set. */
  IllegalArgumentException trainerRefusal;

  /** Answers of successive progress polls; the last one repeats. */
  java.util.Deque<TrainingSetProgress> progress =
      new java.util.ArrayDeque<>(List.of(TrainingSetProgress.ready()));

  @Override
  public TrainingSetProgress trainingSetProgress(RetrainingCase retraining, String trainingSetId) {
    actions.add("poll " + trainingSetId);
    return progress.size() > 1 ? progress.poll() : progress.peek();
  }

  @Override
  public RetrainingEvaluation trainAndEvaluate(RetrainingCase retraining, String trainingSetId) {
    actions.add(
        "train "
            + retraining.model()
            + " on "
            + trainingSetId
            + (retraining.hyperparameters().isEmpty()
                ? ""
                : " with " + new java.util.TreeMap<>(retraining.hyperparameters())));
    if (trainerRefusal != null) {
      throw trainerRefusal;
    }
    return evaluation;
  }

  @Override
  public String proposePromotion(RetrainingCase retraining, int version) {
    actions.add(
        "propose " + retraining.model() + " v" + version + " by " + retraining.requestedBy());
    return promotionStarter.apply(retraining, version);
  }

  @Override
  public void toUser(String user, String kind, String title, String body, String link) {
    notifications.add(new Sent("user:" + user, kind, title, body, link));
  }

  @Override
  public void toGroup(String group, String kind, String title, String body, String link) {
    notifications.add(new Sent("group:" + group, kind, title, body, link));
  }

  List<String> kindsFor(String recipient) {
    return notifications.stream()
        .filter(n -> n.recipient().equals(recipient))
        .map(Sent::kind)
        .toList();
  }
}
