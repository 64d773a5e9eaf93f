package org.mlplatform.portal.promotion;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.features.training.TrainingSet;
import org.mlplatform.domain.models.AliasName;
import org.mlplatform.domain.models.ModelRegistry;
import org.mlplatform.domain.models.ModelRepository;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.ModelVersionId;
import org.mlplatform.domain.models.policy.ModelPolicy;
import org.mlplatform.domain.models.policy.ModelPolicyRepository;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.audit.AuditRecorder.Origin;
import org.mlplatform.portal.boot.PlatformStartup;
import org.mlplatform.portal.features.TrainingSetFiles;
import org.mlplatform.portal.features.TrainingSets;
import org.mlplatform.portal.models.ModelArtifacts;
import org.mlplatform.portal.models.ModelPromotions;
import org.mlplatform.portal.models.ModelTraining;
import org.mlplatform.serving.OnnxRuntimeHost;
import org.mlplatform.workflows.retraining.EvaluatedModel;
import org.mlplatform.workflows.retraining.HeldOutEvaluator;
import org.mlplatform.workflows.retraining.HeldOutMetrics;
import org.mlplatform.workflows.retraining.HeldOutSplitSettings;
import org.mlplatform.workflows.retraining.RetrainingActions;
import org.mlplatform.workflows.retraining.RetrainingCase;
import org.mlplatform.workflows.retraining.RetrainingEvaluation;
import org.mlplatform.workflows.retraining.TaskKind;
import org.mlplatform.workflows.retraining.TrainingSetProgress;
import org.mlplatform.workflows.training.TrainedModel;
import org.mlplatform.workflows.training.TrainingAlgorithm;
import org.mlplatform.workflows.training.TrainingRequest;
import org.mlplatform.workflows.training.TribuoTrainer;

/**
 * Retraining on the platform: a fresh training set from the champion's, the champion's algorithm
 * and hyperparameters, both models scored on the same held-out rows, and a version registered and
 * proposed only when it beats the champion by the model's margin.
 */
@ApplicationScoped
public class PlatformRetraining implements RetrainingActions {

  /** Hyperparameters the platform adds to a version; the trainer does not take them back. */
  private static final String LABEL = EvaluatedVersions.LABEL;

  @Inject private ModelRepository models;
  @Inject private ModelPolicyRepository policies;
  @Inject private TrainingSets trainingSets;
  @Inject private TrainingSetFiles files;
  @Inject private RetrainingSetBuilder setBuilder;
  @Inject private ModelTraining training;
  @Inject private ModelPromotions promotions;
  @Inject private ModelArtifacts artifacts;
  @Inject private PlatformStartup platform;

  private final TribuoTrainer trainer = new TribuoTrainer();

  @Override
  public String buildTrainingSet(RetrainingCase retraining) {
    ModelVersion champion = champion(retraining);
    String setId =
        champion
            .lineage()
            .trainingSetId()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "champion v" + champion.number() + " names no training set to rebuild"));
    TrainingSet original =
        trainingSets
            .find(setId)
            .orElseThrow(() -> new IllegalStateException("training set " + setId + " is gone"));
    return setBuilder.rebuild(
        original, Instant.now(), actor(retraining), retraining.processInstanceId());
  }

  @Override
  public TrainingSetProgress trainingSetProgress(RetrainingCase retraining, String trainingSetId) {
    TrainingSet set = trainingSets.find(trainingSetId).orElse(null);
    if (set == null) {
      return TrainingSetProgress.failed("training set " + trainingSetId + " is gone");
    }
    return switch (set.state()) {
      case READY -> TrainingSetProgress.ready();
      case FAILED -> TrainingSetProgress.failed(set.error());
      default -> TrainingSetProgress.building();
    };
  }

  @Override
  public RetrainingEvaluation trainAndEvaluate(RetrainingCase retraining, String trainingSetId) {
    ModelVersion champion = champion(retraining);
    TrainingSet set = trainingSets.find(trainingSetId).orElseThrow();
    String algorithm =
        champion
            .lineage()
            .algorithm()
            .orElseThrow(() -> new IllegalStateException("the champion names no algorithm"));
    String label = champion.hyperparameters().get(LABEL);
    try {
      TrainedModel trained =
          trainer.train(
              files.path(set.id()),
              set.columns(),
              new TrainingRequest(label, algorithm, recipe(champion, retraining)),
              done -> {});
      TaskKind kind = TaskKind.of(TrainingAlgorithm.parse(algorithm));
      HeldOutEvaluator evaluator =
          HeldOutEvaluator.load(
              files.path(set.id()),
              set.columns(),
              label,
              kind,
              HeldOutSplitSettings.fromHyperparameters(trained.hyperparameters()));
      OrtEnvironment environment = environment();
      HeldOutMetrics retrained;
      HeldOutMetrics incumbent;
      try (OrtSession candidate = environment.createSession(trained.onnx());
          // Read from the store directly: the registry's reader suspends the transaction, which a
          // job must not do (see ContainerJobExecutor).
          OrtSession current =
              environment.createSession(artifacts.store().read(champion.artifact().sha256()))) {
        retrained =
            evaluator.evaluate(
                EvaluatedModel.of(
                    "retrained", trained, EvaluatedVersions.scorer(environment, candidate)));
        incumbent =
            evaluator.evaluate(
                EvaluatedVersions.of(
                    "champion v" + champion.number(),
                    champion,
                    kind,
                    EvaluatedVersions.scorer(environment, current)));
      }
      return verdict(retraining, champion, set, trained, evaluator, retrained, incumbent);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (OrtException | org.mlplatform.serving.onnx.InvalidModelException e) {
      throw new IllegalStateException("the retrained model could not be run: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retraining", e);
    }
  }

  private RetrainingEvaluation verdict(
      RetrainingCase retraining,
      ModelVersion champion,
      TrainingSet set,
      TrainedModel trained,
      HeldOutEvaluator evaluator,
      HeldOutMetrics retrained,
      HeldOutMetrics incumbent)
      throws org.mlplatform.serving.onnx.InvalidModelException {
    ResourceName model = champion.model();
    ModelPolicy policy = policies.find(model).orElse(ModelPolicy.defaults(model));
    double improvement = retrained.improvementOver(incumbent);
    boolean better = policy.improvesEnough(improvement);
    String figures =
        String.format(
            Locale.ROOT,
            "%s on the same %d held-out rows of training set %s: retrained %.4f, champion v%d %.4f;"
                + " improvement %.4f, margin %.4f",
            retrained.primaryMetricName(),
            evaluator.heldOutRows(),
            set.id(),
            retrained.primaryMetric(),
            champion.number(),
            incumbent.primaryMetric(),
            improvement,
            policy.retrainingMargin());
    if (!better) {
      return new RetrainingEvaluation(
          false, OptionalInt.empty(), figures + ". Not better by the margin: the champion stays.");
    }
    ModelVersion version =
        training.registerTrained(
            model,
            set,
            trained,
            "retrained from v" + champion.number() + " by " + retraining.processInstanceId(),
            champion.number(),
            actor(retraining),
            new Origin(retraining.processInstanceId(), null));
    return new RetrainingEvaluation(
        true,
        OptionalInt.of(version.number()),
        figures + ". Registered as v" + version.number() + " and proposed for promotion.");
  }

  @Override
  public String proposePromotion(RetrainingCase retraining, int version) {
    return promotions.request(
        ModelVersionId.of(retraining.model(), version),
        ModelPromotions.Ask.champion(),
        actor(retraining),
        new Origin(retraining.processInstanceId(), null));
  }

  /**
   * The champion's hyperparameters without what the platform added when registering it, with the
   * retraining's own settings in their place where it names any.
   */
  private static Map<String, String> recipe(ModelVersion champion, RetrainingCase retraining) {
    Map<String, String> recipe = new LinkedHashMap<>();
    champion
        .hyperparameters()
        .forEach(
            (key, value) -> {
              if (!key.equals(LABEL) && !key.startsWith(ModelTraining.IMPUTATION_PREFIX)) {
                recipe.put(key, value);
              }
            });
    recipe.putAll(retraining.hyperparameters());
    return recipe;
  }

  private ModelVersion champion(RetrainingCase retraining) {
    ResourceName model = ResourceName.of("model", retraining.model());
    return models
        .alias(model, AliasName.CHAMPION)
        .map(a -> new ModelRegistry(models).version(a.target()))
        .orElseThrow(() -> new IllegalStateException(model + " has no champion to retrain"));
  }

  private OrtEnvironment environment() {
    return platform
        .onnxRuntime()
        .map(OnnxRuntimeHost::environment)
        .orElseThrow(() -> new IllegalStateException("ONNX Runtime is still starting"));
  }

  private static PlatformUser actor(RetrainingCase retraining) {
    return new PlatformUser(retraining.requestedBy(), retraining.requestedBy(), Set.of());
  }
}
