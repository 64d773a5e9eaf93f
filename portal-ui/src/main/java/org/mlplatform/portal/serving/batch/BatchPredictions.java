package org.mlplatform.portal.serving.batch;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.audit.Outcome;
import org.mlplatform.domain.features.FeatureRegistry;
import org.mlplatform.domain.features.training.TrainingSet;
import org.mlplatform.domain.features.training.TrainingSetState;
import org.mlplatform.domain.jobs.Job;
import org.mlplatform.domain.jobs.JobRepository;
import org.mlplatform.domain.models.ModelReference;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.audit.AuditRecorder;
import org.mlplatform.portal.audit.AuditRecorder.Origin;
import org.mlplatform.portal.boot.PlatformStartup;
import org.mlplatform.portal.features.TrainingSetFiles;
import org.mlplatform.portal.features.TrainingSets;
import org.mlplatform.portal.jobs.JobRecovery;
import org.mlplatform.portal.jobs.JobRunner;
import org.mlplatform.portal.models.ModelStore;
import org.mlplatform.portal.serving.RegistryVersionSource;
import org.mlplatform.serving.OnnxRuntimeHost;
import org.mlplatform.serving.engine.ModelNotServedException;

/**
 * Starts and reports batch predictions. A request is checked while the caller waits: the model
 * reference resolves to one version (pinned for the whole run), the version can be fed from CSV
 * columns, the input exists and its header has every feature; only then a job starts. The job opens
 * its own session on the version, streams the input through {@link BatchRun} into a result file,
 * and records the version and row count in its result.
 *
 * <p>The job record is the batch's only state (its id is the batch's id; its target names the
 * version and input, see {@link BatchTarget}); the result is a file ({@link BatchFiles}). That is
 * all a node needs to run the batch again from its start when the node running it is gone.
 */
@ApplicationScoped
public class BatchPredictions implements JobRecovery {

  /** The type of the jobs that run batch predictions. */
  public static final String JOB_TYPE = "batch_prediction";

  /** Jobs read to find the newest batch predictions among jobs of every kind. */
  static final int JOBS_SCANNED = 1000;

  private static final Logger LOG = Logger.getLogger(BatchPredictions.class.getName());

  @Inject private ModelStore models;
  @Inject private RegistryVersionSource versions;
  @Inject private TrainingSets trainingSets;
  @Inject private TrainingSetFiles trainingSetFiles;
  @Inject private BatchFiles files;
  @Inject private JobRunner runner;
  @Inject private JobRepository jobs;
  @Inject private PlatformStartup startup;
  @Inject private AuditRecorder audit;

  /**
   * Runs {@code model} over a READY training set.
   *
   * @throws DomainValidationException naming {@code model} or {@code trainingSetId}
   * @throws org.mlplatform.domain.models.ModelRegistry.NotFoundException unknown model, version or
   *     alias
   * @throws FeatureRegistry.NotFoundException unknown training set
   */
  public BatchPrediction onTrainingSet(
      String model, String trainingSetId, PlatformUser actor, Origin origin) {
    Pinned pinned = pin(model);
    TrainingSet set = readySet(trainingSetId);
    Path input = trainingSetFiles.path(set.id());
    checkHeader(pinned.model(), input, "trainingSetId");
    return start(pinned, input, false, BatchTarget.trainingSet(set.id()), actor, origin);
  }

  /**
   * Runs {@code model} over an uploaded CSV, which is first copied to a file (within the upload
   * limit) and checked.
   *
   * @param declaredLength the Content-Length, or -1
   * @throws UploadTooLargeException above {@code mlp.batch.max-upload-bytes}
   * @throws DomainValidationException naming {@code model} or {@code csv}
   */
  public BatchPrediction onUpload(
      String model, InputStream body, long declaredLength, PlatformUser actor, Origin origin)
      throws IOException {
    Pinned pinned = pin(model);
    Path upload = files.receive(body, declaredLength);
    try {
      checkHeader(pinned.model(), upload, "csv");
      return start(pinned, upload, true, BatchTarget.UPLOAD, actor, origin);
    } catch (RuntimeException e) {
      Files.deleteIfExists(upload);
      throw e;
    }
  }

  /** A batch prediction by id; empty for an unknown id or a job of another kind. */
  public Optional<BatchPrediction> find(String id) {
    try {
      UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return jobs.find(id).filter(j -> j.type().equals(JOB_TYPE)).map(BatchPrediction::of);
  }

  /** The newest batch predictions first. */
  public List<BatchPrediction> recent(int limit) {
    return jobs.latest(JOBS_SCANNED).stream()
        .filter(j -> j.type().equals(JOB_TYPE))
        .limit(limit)
        .map(BatchPrediction::of)
        .toList();
  }

  @Override
  public String jobType() {
    return JOB_TYPE;
  }

  /** The same version over the same input, into the same result file. */
  @Override
  public Optional<JobRunner.Work> restart(Job job) {
    BatchTarget target =
        BatchTarget.parse(job.target())
            .orElseThrow(() -> new IllegalArgumentException("its target cannot be read"));
    Pinned pinned = pin(target.reference(), target.version().toString());
    boolean upload = target.uploaded();
    Path input = upload ? files.upload(job.id()) : trainingSetFiles.path(target.trainingSetId());
    if (!Files.isRegularFile(input)) {
      throw new IllegalArgumentException("its input " + target.input() + " is gone");
    }
    return Optional.of(progress -> run(job.id(), pinned, input, upload, progress));
  }

  /** The version a reference names, checked to be runnable; and ONNX Runtime, checked to be up. */
  private Pinned pin(String reference) {
    String parsed = ModelReference.parse(reference).toString(); // names "model" when malformed
    return pin(reference.strip(), parsed);
  }

  /** As {@link #pin(String)}, shown as {@code reference}, resolving {@code version} instead. */
  private Pinned pin(String reference, String version) {
    ModelVersion pinned = models.resolve(version);
    BatchModel model = BatchModel.of(pinned);
    OrtEnvironment environment =
        startup
            .onnxRuntime()
            .map(OnnxRuntimeHost::environment)
            .orElseThrow(
                () ->
                    new ModelNotServedException(
                        "ONNX Runtime is still starting; try again shortly", true));
    return new Pinned(reference, pinned, model, environment);
  }

  private record Pinned(
      String reference, ModelVersion version, BatchModel model, OrtEnvironment environment) {}

  private TrainingSet readySet(String id) {
    if (id == null || id.isBlank()) {
      throw new DomainValidationException(
          "trainingSetId", "name a training set, or send the rows as a text/csv body");
    }
    try {
      UUID.fromString(id.strip());
    } catch (IllegalArgumentException e) {
      throw new DomainValidationException(
          "trainingSetId", "a training set id is a UUID, got '" + id + "'");
    }
    TrainingSet set =
        trainingSets
            .find(id.strip())
            .orElseThrow(() -> new FeatureRegistry.NotFoundException("no training set " + id));
    if (set.state() != TrainingSetState.READY || !trainingSetFiles.exists(set.id())) {
      throw new DomainValidationException(
          "trainingSetId", "training set " + set.id() + " is " + set.state() + ", not READY");
    }
    return set;
  }

  /** Reads the input's header and checks it has every feature, naming {@code field} if not. */
  private static void checkHeader(BatchModel model, Path input, String field) {
    try (InputStream in = Files.newInputStream(input)) {
      List<String> header =
          new CsvRecords(new InputStreamReader(in, StandardCharsets.UTF_8)).next();
      BatchRun.columns(model, header, field);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private BatchPrediction start(
      Pinned pinned,
      Path input,
      boolean ownsInput,
      String inputName,
      PlatformUser actor,
      Origin origin) {
    BatchTarget target = new BatchTarget(pinned.version().id(), pinned.reference(), inputName);
    Job queued = runner.queue(JOB_TYPE, target.format(), actor);
    Path kept = ownsInput ? keep(input, queued) : input;
    audit.record(
        actor,
        "batch_prediction.start",
        "model:" + pinned.version().id(),
        "batch prediction " + queued.id() + " of " + pinned.reference() + " on " + inputName,
        Outcome.SUCCESS,
        origin);
    runner.start(queued, progress -> run(queued.id(), pinned, kept, ownsInput, progress));
    return BatchPrediction.of(queued);
  }

  private Path keep(Path upload, Job queued) {
    try {
      return files.keepUpload(upload, queued.id());
    } catch (IOException e) {
      jobs.save(queued.failed("the upload could not be kept: " + e.getMessage(), Instant.now()));
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The job: its own session, the run into the result file, the upload removed afterwards. */
  private Map<String, Object> run(
      String id, Pinned pinned, Path input, boolean ownsInput, JobRunner.Progress progress)
      throws Exception {
    try {
      progress.report(0, "opening version " + pinned.version().id());
      byte[] onnx = versions.artifact(pinned.version());
      BatchRun.Outcome outcome;
      try (OrtScorer scorer = open(pinned, onnx)) {
        long size = Files.size(input);
        BatchRun run = new BatchRun(pinned.model(), scorer, BatchRun.CHUNK_ROWS);
        outcome =
            files.writeResult(
                id,
                out -> {
                  try (InputStream in = Files.newInputStream(input)) {
                    return run.run(
                        in,
                        size,
                        out,
                        ownsInput ? "csv" : "trainingSetId",
                        (fraction, rows) -> progress.report(fraction, rows + " rows predicted"));
                  }
                });
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("id", id);
      result.put("model", pinned.version().model().value());
      result.put("version", pinned.version().number());
      result.put("rows", outcome.rows());
      result.put("rowsWithImputation", outcome.rowsWithImputation());
      result.put("resultUrl", BatchPrediction.resultUrl(id));
      return result;
    } finally {
      if (ownsInput) {
        deleteQuietly(input);
      }
    }
  }

  private static OrtScorer open(Pinned pinned, byte[] onnx) {
    try {
      return OrtScorer.open(pinned.environment(), onnx);
    } catch (OrtException e) {
      throw new IllegalArgumentException(
          "ONNX Runtime cannot open version " + pinned.version().id() + ": " + e.getMessage(), e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "could not delete the batch upload " + file, e);
    }
  }
}
