package org.mlplatform.portal.features;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.mlplatform.domain.audit.Outcome;
import org.mlplatform.domain.features.FeatureRef;
import org.mlplatform.domain.features.offline.OfflineStore;
import org.mlplatform.domain.features.stats.TableStatisticsCollector;
import org.mlplatform.domain.features.training.CsvTrainingSetWriter;
import org.mlplatform.domain.features.training.EntityRows;
import org.mlplatform.domain.features.training.TrainingColumn;
import org.mlplatform.domain.features.training.TrainingSet;
import org.mlplatform.domain.features.training.TrainingSetBuilder;
import org.mlplatform.domain.features.training.TrainingSetPlan;
import org.mlplatform.domain.features.training.TrainingSetRepository;
import org.mlplatform.domain.features.training.TrainingSetSink;
import org.mlplatform.domain.jobs.Job;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.audit.AuditRecorder;
import org.mlplatform.portal.jobs.JobRunner;
import org.mlplatform.portal.security.RequestIds;

/**
 * Builds training-set snapshots as jobs: the request is checked and planned while the caller waits
 * (so a bad feature or entity row is a 400), the join runs in the background, and the snapshot
 * becomes READY with its file, hash and statistics, or FAILED with the reason.
 */
@ApplicationScoped
public class TrainingSets {

  /** What a caller asks for: features or a feature service, and the entity rows. */
  public record Request(
      List<FeatureRef> features, String featureService, EntityRows rows, String description) {}

  /** A queued build: the snapshot (BUILDING) and the job to follow. */
  public record Accepted(TrainingSet trainingSet, Job job) {}

  /** The type of the jobs that build training sets. */
  static final String JOB_TYPE = "training_set";

  @Inject private FeatureServices services;
  @Inject private FeatureStoreService features;
  @Inject private OfflineStore offline;
  @Inject private TrainingSetRepository repository;
  @Inject private TrainingSetFiles files;
  @Inject private JobRunner jobs;
  @Inject private AuditRecorder audit;

  private final Clock clock = Clock.systemUTC();

  /** Up to this many distinct entities per view, only their rows are read. */
  static final int KEYED_SCAN_LIMIT = 200_000;

  /**
   * Reads of the views of one training set run side by side on these threads, so the database and
   * the join work at once. A pool of its own: the build itself runs on the managed executor, and
   * waiting there for tasks queued behind it could starve.
   */
  @Resource private ManagedThreadFactory threadFactory;

  /**
   * At least as many threads as a typical training set has views, even on 2 cores: the reads wait
   * on the database about half the time (3 threads: 1.79 s instead of 2.21 s for 3 views).
   */
  static final int JOIN_THREADS = 4;

  private volatile ExecutorService joins;

  private ExecutorService joinThreads() {
    ExecutorService pool = joins;
    if (pool == null) {
      synchronized (this) {
        if (joins == null) {
          joins =
              Executors.newFixedThreadPool(
                  Math.max(JOIN_THREADS, Runtime.getRuntime().availableProcessors()),
                  threadFactory);
        }
        pool = joins;
      }
    }
    return pool;
  }

  @PreDestroy
  void stopJoinThreads() {
    if (joins != null) {
      joins.shutdownNow();
    }
  }

  /** From the REST API. */
  public Accepted create(Request request, PlatformUser actor, HttpServletRequest http) {
    return create(request, actor, RequestIds.of(http), http.getRemoteAddr());
  }

  /** From the portal or any caller without an HTTP request of its own. */
  public Accepted create(
      Request request, PlatformUser actor, String requestId, String clientAddress) {
    List<FeatureRef> refs = services.resolve(request.features(), request.featureService());
    String service =
        request.featureService() == null || request.featureService().isBlank()
            ? null
            : reference(request.featureService());
    TrainingSetPlan plan = features.plan(refs);
    TrainingSetBuilder.Prepared prepared = TrainingSetBuilder.prepare(plan, request.rows());
    String id = UUID.randomUUID().toString();
    String target = "training_set:" + id;
    audit.record(
        actor,
        "training_set.create",
        target,
        request.rows().size() + " entity rows, features " + refs,
        Outcome.SUCCESS,
        requestId,
        clientAddress);
    Job job = jobs.queue(JOB_TYPE, target, actor);
    TrainingSet building =
        TrainingSet.building(
            id, request.description(), actor.username(), clock.instant(), plan, service, job.id());
    repository.save(building);
    jobs.start(job, progress -> build(building, prepared, progress));
    return new Accepted(building, job);
  }

  public Optional<TrainingSet> find(String id) {
    return repository.find(id);
  }

  public List<TrainingSet> list(int limit) {
    return repository.list(limit);
  }

  private String reference(String serviceReference) {
    var service = services.byReference(serviceReference);
    return service.name() + ":" + service.version();
  }

  private Map<String, Object> build(
      TrainingSet building, TrainingSetBuilder.Prepared prepared, JobRunner.Progress progress) {
    EntityRows rows = prepared.rows();
    String id = building.id();
    try {
      TrainingSetBuilder builder = new TrainingSetBuilder(offline, KEYED_SCAN_LIMIT, joinThreads());
      Holder holder = new Holder();
      String sha256 =
          files.write(
              id,
              writer -> {
                CsvTrainingSetWriter csv = new CsvTrainingSetWriter(writer);
                holder.columns =
                    builder.build(
                        prepared,
                        new StatisticsTee(csv, holder),
                        share -> progress.report(share, "joining features"));
              });
      Instant[] range = rows.timeRange().orElseThrow();
      TrainingSet ready =
          building.ready(
              holder.columns, rows.size(), range[0], range[1], sha256, holder.statistics.finish());
      repository.save(ready);
      return Map.of("trainingSetId", id, "rows", rows.size(), "sha256", sha256);
    } catch (RuntimeException e) {
      repository.save(building.failed(failure(e)));
      throw e;
    }
  }

  private static String failure(RuntimeException e) {
    return e instanceof IllegalArgumentException
        ? e.getMessage()
        : "internal error: " + e.getClass().getSimpleName();
  }

  /** What the build hands back from inside the file writer. */
  private static final class Holder {
    List<TrainingColumn> columns;
    TableStatisticsCollector statistics;
  }

  /** Writes rows to the file and feeds the statistics of every column. */
  private record StatisticsTee(TrainingSetSink file, Holder holder) implements TrainingSetSink {
    @Override
    public void start(List<TrainingColumn> columns) {
      holder.statistics =
          new TableStatisticsCollector(
              columns.stream()
                  .map(c -> new TableStatisticsCollector.Column(c.name(), c.type()))
                  .toList());
      file.start(columns);
    }

    @Override
    public void row(Object[] values) {
      holder.statistics.add(values);
      file.row(values);
    }
  }
}
