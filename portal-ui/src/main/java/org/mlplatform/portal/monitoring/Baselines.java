package org.mlplatform.portal.monitoring;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.training.TrainingSet;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.ModelVersionId;
import org.mlplatform.domain.monitoring.window.Baseline;
import org.mlplatform.domain.monitoring.window.PredictionKind;
import org.mlplatform.portal.boot.PlatformStartup;
import org.mlplatform.portal.features.TrainingSetFiles;
import org.mlplatform.portal.features.TrainingSets;
import org.mlplatform.portal.models.ModelArtifacts;
import org.mlplatform.portal.promotion.EvaluatedVersions;
import org.mlplatform.portal.serving.batch.BatchModel;
import org.mlplatform.portal.serving.batch.TrainingServingDrift;
import org.mlplatform.serving.OnnxRuntimeHost;
import org.mlplatform.serving.monitoring.LoggedPredictions;
import org.mlplatform.workflows.retraining.HeldOutEvaluator;
import org.mlplatform.workflows.retraining.TaskKind;

/**
 * Each version's baseline: the feature values of the training set it names, and its predictions on
 * the rows its trainer held out (the version's own scoring, so they are what it was judged on).
 * Versions are immutable and so are training sets, so a baseline is built once and kept; the few
 * most recently used stay in memory.
 */
@ApplicationScoped
public class Baselines {

  private static final int CACHED = 8;

  /** A baseline, or why a version has none. */
  public record Lookup(Optional<Baseline> baseline, Optional<String> reason) {
    static Lookup of(Baseline baseline) {
      return new Lookup(Optional.of(baseline), Optional.empty());
    }

    static Lookup none(String reason) {
      return new Lookup(Optional.empty(), Optional.of(reason));
    }
  }

  @Inject private TrainingSets trainingSets;
  @Inject private TrainingSetFiles files;
  @Inject private ModelArtifacts artifacts;
  @Inject private PlatformStartup platform;
  @Inject private MonitoringSettings settings;

  private final Map<ModelVersionId, Lookup> cache =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ModelVersionId, Lookup> eldest) {
          return size() > CACHED;
        }
      };

  public Lookup of(ModelVersion version) {
    synchronized (cache) {
      Lookup cached = cache.get(version.id());
      if (cached != null) {
        return cached;
      }
    }
    Lookup built = build(version);
    if (platform.onnxRuntime().isPresent()) { // else the held-out predictions are still to come
      synchronized (cache) {
        cache.put(version.id(), built);
      }
    }
    return built;
  }

  private Lookup build(ModelVersion version) {
    BatchModel model;
    try {
      model = BatchModel.of(version);
    } catch (DomainValidationException e) {
      return Lookup.none(e.getMessage());
    }
    Optional<String> setId = version.lineage().trainingSetId();
    if (setId.isEmpty() || !files.exists(setId.get())) {
      return Lookup.none(
          "version " + version.id() + " names no training set on this platform to compare with");
    }
    double[][] reference;
    try (InputStream csv = files.open(setId.get())) {
      reference = TrainingServingDrift.referenceColumns(model, csv, settings.referenceRows());
    } catch (DomainValidationException e) {
      return Lookup.none(e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PredictionKind kind = model.classifier() ? PredictionKind.LABEL : PredictionKind.VALUE;
    float[][] heldOut = heldOutScores(version, setId.get());
    String[] labels = new String[0];
    double[] values = new double[0];
    if (heldOut != null && kind == PredictionKind.LABEL) {
      labels = new String[heldOut.length];
      for (int r = 0; r < heldOut.length; r++) {
        labels[r] = model.labels().get(LoggedPredictions.argmax(heldOut[r]));
      }
    } else if (heldOut != null) {
      values = new double[heldOut.length];
      for (int r = 0; r < heldOut.length; r++) {
        values[r] = heldOut[r][0];
      }
    }
    return Lookup.of(
        new Baseline(
            model.features(), reference, kind, labels, values, "training set " + setId.get()));
  }

  /** The version's scores on its held-out rows; null when it was not trained here on a label. */
  private float[][] heldOutScores(ModelVersion version, String setId) {
    Optional<TaskKind> kind = EvaluatedVersions.taskKind(version);
    Optional<TrainingSet> set = trainingSets.find(setId);
    Optional<OrtEnvironment> environment = platform.onnxRuntime().map(OnnxRuntimeHost::environment);
    if (kind.isEmpty() || set.isEmpty() || environment.isEmpty()) {
      return null;
    }
    try {
      HeldOutEvaluator evaluator =
          HeldOutEvaluator.load(
              files.path(setId),
              set.get().columns(),
              version.hyperparameters().get(EvaluatedVersions.LABEL),
              kind.get(),
              EvaluatedVersions.split(version));
      try (OrtSession session =
          environment.get().createSession(artifacts.store().read(version.artifact().sha256()))) {
        return evaluator.predictions(
            EvaluatedVersions.of(
                "v" + version.number(),
                version,
                kind.get(),
                EvaluatedVersions.scorer(environment.get(), session)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (OrtException | IllegalArgumentException e) {
      return null; // the feature baseline still stands; the prediction's says why it is missing
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
