package org.mlplatform.portal.models;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.audit.Outcome;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.features.training.TrainingColumn;
import org.mlplatform.domain.features.training.TrainingSet;
import org.mlplatform.domain.features.training.TrainingSetState;
import org.mlplatform.domain.jobs.Job;
import org.mlplatform.domain.models.ModelLineage;
import org.mlplatform.domain.models.ModelSignature;
import org.mlplatform.domain.models.ModelSource;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.audit.AuditRecorder;
import org.mlplatform.portal.audit.AuditRecorder.Origin;
import org.mlplatform.portal.features.TrainingSetFiles;
import org.mlplatform.portal.features.TrainingSets;
import org.mlplatform.portal.jobs.JobRunner;
import org.mlplatform.workflows.training.TrainedModel;
import org.mlplatform.workflows.training.TrainingAlgorithm;
import org.mlplatform.workflows.training.TrainingRequest;
import org.mlplatform.workflows.training.TribuoTrainer;

/**
 * Trains a model inside the platform as a job: the request is checked while the caller waits (the
 * model, a READY training set, the label column, the algorithm), then Tribuo trains and evaluates
 * on a held-out split, the ONNX export is inspected like any upload, and a version is registered
 * with its lineage back to the training set and its features.
 */
@ApplicationScoped
public class ModelTraining {

  /** Hyperparameter keys under which the training means used for missing features are kept. */
  public static final String IMPUTATION_PREFIX = "imputation.";

  /** Reference rows kept in the job's result (which has room for a few kilobytes). */
  static final int REFERENCE_ROWS = 8;

  /** What a caller asks for. */
  public record Request(
      String trainingSetId,
      String label,
      String algorithm,
      Map<String, String> hyperparameters,
      String description) {}

  @Inject private ModelStore store;
  @Inject private ModelUploads uploads;
  @Inject private ModelArtifacts artifacts;
  @Inject private TrainingSets trainingSets;
  @Inject private TrainingSetFiles files;
  @Inject private JobRunner jobs;
  @Inject private AuditRecorder audit;

  private final TribuoTrainer trainer = new TribuoTrainer();

  public Job start(ResourceName model, Request request, PlatformUser actor, Origin origin) {
    store.model(model);
    TrainingSet set = readySet(request.trainingSetId());
    if (request.label() == null
        || set.columns().stream().map(TrainingColumn::name).noneMatch(request.label()::equals)) {
      throw new DomainValidationException(
          "label", "name a column of training set " + set.id() + " as the label");
    }
    TrainingAlgorithm.parse(request.algorithm()); // a 400 naming "algorithm" when unknown
    artifacts.intake(); // ONNX Runtime must be up before the work is accepted
    String target = "model:" + model;
    audit.record(
        actor,
        "model.train",
        target,
        request.algorithm() + " on training set " + set.id() + ", label " + request.label(),
        Outcome.SUCCESS,
        origin);
    return jobs.submit(
        "model_training",
        target,
        actor,
        progress -> train(model, set, request, actor, origin, progress));
  }

  private static String referenceJson(TrainedModel trained) {
    JsonArrayBuilder rows = Json.createArrayBuilder();
    trained.referencePredictions().stream()
        .limit(REFERENCE_ROWS)
        .forEach(
            p -> {
              JsonArrayBuilder inputs = Json.createArrayBuilder();
              Arrays.stream(p.inputs()).forEach(inputs::add);
              JsonArrayBuilder outputs = Json.createArrayBuilder();
              Arrays.stream(p.outputs()).forEach(outputs::add);
              rows.add(Json.createObjectBuilder().add("inputs", inputs).add("outputs", outputs));
            });
    return rows.build().toString();
  }

  private TrainingSet readySet(String id) {
    if (id == null || id.isBlank()) {
      throw new DomainValidationException("trainingSetId", "name the training set to train on");
    }
    TrainingSet set;
    try {
      set = trainingSets.find(id).orElse(null);
    } catch (IllegalArgumentException e) {
      set = null;
    }
    if (set == null) {
      throw new DomainValidationException("trainingSetId", "no training set " + id);
    }
    if (set.state() != TrainingSetState.READY) {
      throw new DomainValidationException(
          "trainingSetId", "training set " + id + " is " + set.state() + ", not READY");
    }
    return set;
  }

  private Map<String, Object> train(
      ResourceName model,
      TrainingSet set,
      Request request,
      PlatformUser actor,
      Origin origin,
      JobRunner.Progress progress)
      throws Exception {
    TrainedModel trained =
        trainer.train(
            files.path(set.id()),
            set.columns(),
            new TrainingRequest(
                request.label(),
                request.algorithm(),
                Objects.requireNonNullElse(request.hyperparameters(), Map.of())),
            done -> progress.report(0.9 * done, "training"));
    progress.report(0.92, "checking the exported model");
    ModelVersion version =
        registerTrained(model, set, trained, request.description(), null, actor, origin);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("model", model.value());
    result.put("version", version.number());
    result.put("trainRows", trained.rows().train());
    result.put("testRows", trained.rows().test());
    result.put("skippedRows", trained.rows().skipped());
    // Held-out rows with Tribuo's own outputs, as JSON text (job results are flat): anyone can
    // check that the registered file agrees.
    result.put("referencePredictions", referenceJson(trained));
    return result;
  }

  /**
   * Registers a trained model as a version: its lineage (training set, features, labels, algorithm,
   * the version it was retrained from), held-out metrics and hyperparameters, with the imputation
   * values serving needs.
   */
  public ModelVersion registerTrained(
      ResourceName model,
      TrainingSet set,
      TrainedModel trained,
      String description,
      Integer parentVersion,
      PlatformUser actor,
      Origin origin)
      throws org.mlplatform.serving.onnx.InvalidModelException {
    ModelSignature signature = artifacts.inspector().inspect(trained.onnx());
    ModelLineage.Builder lineage =
        ModelLineage.builder(ModelSource.TRAINED)
            .trainingSet(set.id())
            .features(trained.featureOrder())
            .labels(trained.labels())
            .algorithm(trained.algorithm());
    if (parentVersion != null) {
      lineage.parent(parentVersion);
    }
    if (set.featureService() != null) {
      lineage.featureService(set.featureService());
    }
    Map<String, String> hyperparameters = new LinkedHashMap<>(trained.hyperparameters());
    trained
        .imputation()
        .forEach((f, v) -> hyperparameters.put(IMPUTATION_PREFIX + f, v.toString()));
    hyperparameters.put("label", trained.label());
    VersionUpload metadata =
        new VersionUpload(
            Objects.requireNonNullElse(
                description,
                trained.algorithm()
                    + " trained on "
                    + set.id()
                    + " (label "
                    + trained.label()
                    + ")"),
            trained.metrics(),
            hyperparameters,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    return uploads.register(
        model, trained.onnx(), signature, lineage.build(), metadata, actor, origin);
  }
}
