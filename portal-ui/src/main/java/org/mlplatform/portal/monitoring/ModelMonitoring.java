package org.mlplatform.portal.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Semaphore;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.audit.Outcome;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.ModelVersionId;
import org.mlplatform.domain.monitoring.DriftAnalyzer;
import org.mlplatform.domain.monitoring.feedback.FeedbackStore;
import org.mlplatform.domain.monitoring.history.MonitoringHistory;
import org.mlplatform.domain.monitoring.history.MonitoringSnapshot;
import org.mlplatform.domain.monitoring.policy.MonitoringPolicy;
import org.mlplatform.domain.monitoring.policy.MonitoringPolicyRepository;
import org.mlplatform.domain.monitoring.window.PredictionKind;
import org.mlplatform.domain.monitoring.window.WindowAnalyzer;
import org.mlplatform.domain.monitoring.window.WindowColumns;
import org.mlplatform.domain.monitoring.window.WindowReport;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.domain.serving.TrafficBucket;
import org.mlplatform.portal.audit.AuditRecorder;
import org.mlplatform.portal.models.ModelStore;
import org.mlplatform.portal.serving.ServingRuntime;
import org.mlplatform.portal.serving.batch.BatchModel;
import org.mlplatform.serving.engine.DeploymentStatus;
import org.mlplatform.serving.engine.Route;
import org.mlplatform.serving.monitoring.LoggedPredictions;
import org.mlplatform.serving.monitoring.MonitoredVersion;
import org.mlplatform.serving.monitoring.WindowReader;

/**
 * Monitoring of one model at a time: a window of its logged predictions held against the served
 * version's baseline, its performance where ground truth came back, and its snapshots over time.
 *
 * <p>One analysis runs at a time: a window of a million rows holds about 80 MB of columns, and two
 * at once would crowd the serving heap.
 */
@ApplicationScoped
public class ModelMonitoring {

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(ModelMonitoring.class.getName());

  /** The longest window a caller may ask for. */
  static final Duration LONGEST_WINDOW = Duration.ofDays(366);

  /** Traffic charts get about this many buckets. */
  private static final int TRAFFIC_BUCKETS = 60;

  @Inject private ServingRuntime serving;
  @Inject private ModelStore models;
  @Inject private Baselines baselines;
  @Inject private FeedbackStore feedback;
  @Inject private MonitoringHistory history;
  @Inject private MonitoringPolicyRepository policies;
  @Inject private MonitoringSettings settings;
  @Inject private DriftGauges gauges;
  @Inject private RuleRunner rules;
  @Inject private AuditRecorder audit;
  @Inject private MonitoringThreads threads;

  private final Semaphore oneAtATime = new Semaphore(1, true);
  private final Clock clock = Clock.systemUTC();

  /** Models with a deployment on this node, by name. */
  public List<ResourceName> monitoredModels() {
    return serving.engine().statuses().stream()
        .map(status -> status.deployment().model())
        .sorted(Comparator.comparing(ResourceName::value))
        .toList();
  }

  public MonitoringPolicy policy(ResourceName model) {
    return policies.find(model).orElse(MonitoringPolicy.defaults(model));
  }

  /** The model's policy window, ending now. */
  public MonitoringReport currentReport(ResourceName model) {
    MonitoringPolicy policy = policy(model);
    Instant now = clock.instant();
    return report(model, OptionalInt.empty(), now.minus(policy.window()), now);
  }

  /**
   * @param version the version whose predictions to read; the deployment's primary version when
   *     empty
   * @throws DomainValidationException naming {@code from}, {@code to} or {@code version} for a bad
   *     window or a model that serves nothing and was given no version
   */
  public MonitoringReport report(
      ResourceName model, OptionalInt version, Instant from, Instant to) {
    checkWindow(from, to);
    models.model(model); // 404 for an unknown model before anything else
    ModelVersion served =
        models.version(ModelVersionId.of(model.value(), versionOf(model, version)));
    MonitoringPolicy policy = policy(model);
    int limit = Math.min(policy.windowPredictions(), settings.maxWindowRows());
    List<TrafficBucket> traffic =
        serving.logStore().traffic(model.value(), from, to, bucket(from, to));
    BatchModel batch;
    try {
      batch = BatchModel.of(served);
    } catch (DomainValidationException e) {
      return new MonitoringReport(
          model.value(),
          served.number(),
          from,
          to,
          0,
          Optional.empty(),
          Optional.empty(),
          Optional.of(e.getMessage()),
          traffic,
          PerformanceReport.none(served.metrics(), e.getMessage()));
    }
    MonitoredVersion monitored = monitored(served, batch);
    LoggedPredictions predictions = LoggedPredictions.of(monitored);
    Baselines.Lookup baseline = baselines.of(served);
    acquire();
    try {
      WindowColumns window =
          new WindowColumns(
              batch.features(),
              batch.classifier() ? PredictionKind.LABEL : PredictionKind.VALUE,
              limit);
      if (baseline.baseline().isPresent()) { // without one there is nothing to hold rows against
        new WindowReader(monitored, predictions)
            .read(serving.logStore(), from, to, limit, window, threads.parsers());
      }
      Optional<WindowReport> analysed = Optional.empty();
      Optional<String> reason = baseline.reason();
      if (baseline.baseline().isPresent() && window.rows() == 0) {
        reason = Optional.of("no predictions of v" + served.number() + " in this window");
      } else if (baseline.baseline().isPresent()) {
        analysed =
            Optional.of(
                new WindowAnalyzer(
                        DriftAnalyzer.withDriftShare(policy.driftShare()),
                        policy::optionsFor,
                        threads.columns())
                    .analyze(baseline.baseline().get(), window));
      }
      PerformanceReport performance =
          new PerformanceReader(served, monitored, predictions).read(feedback, from, to, limit);
      return new MonitoringReport(
          model.value(),
          served.number(),
          from,
          to,
          window.rows(),
          baseline.baseline().map(b -> b.source()),
          analysed,
          reason,
          traffic,
          performance);
    } finally {
      oneAtATime.release();
    }
  }

  /** Reference and current shares per bin of one column over the window. */
  public Distribution distribution(
      ResourceName model, OptionalInt version, String column, Instant from, Instant to) {
    checkWindow(from, to);
    models.model(model); // 404 for an unknown model
    ModelVersion served =
        models.version(ModelVersionId.of(model.value(), versionOf(model, version)));
    Baselines.Lookup lookup = baselines.of(served);
    if (lookup.baseline().isEmpty()) {
      throw new DomainValidationException("model", lookup.reason().orElse("no baseline"));
    }
    BatchModel batch = BatchModel.of(served);
    int limit = Math.min(policy(model).windowPredictions(), settings.maxWindowRows());
    acquire();
    try {
      WindowColumns window =
          new WindowColumns(
              batch.features(),
              batch.classifier() ? PredictionKind.LABEL : PredictionKind.VALUE,
              limit);
      MonitoredVersion monitored = monitored(served, batch);
      new WindowReader(monitored, LoggedPredictions.of(monitored))
          .read(serving.logStore(), from, to, limit, window, threads.parsers());
      return Distributions.of(lookup.baseline().get(), window, column);
    } finally {
      oneAtATime.release();
    }
  }

  /** The model's latest snapshot, if one was taken. */
  public Optional<MonitoringSnapshot> latestSnapshot(ResourceName model) {
    return history.latest(model.value());
  }

  /** The model's snapshots over the range, oldest first. */
  public List<MonitoringSnapshot> history(ResourceName model, Instant from, Instant to) {
    checkWindow(from, to);
    return history.list(model.value(), from, to, 1_000);
  }

  /**
   * Analyses the policy window now, keeps it as a snapshot, updates the drift gauges and runs the
   * model's alert rules on it.
   */
  public MonitoringSnapshot snapshotNow(ResourceName model, PlatformUser actor) {
    return snapshotNow(model, actor, MonitoringAlerts.PORTAL);
  }

  /** As {@link #snapshotNow(ResourceName, PlatformUser)}, for a REST call's request id. */
  public MonitoringSnapshot snapshotNow(
      ResourceName model, PlatformUser actor, AuditRecorder.Origin origin) {
    models.model(model); // 404 for an unknown model
    MonitoringSnapshot snapshot = snapshot(model);
    audit.record(
        actor,
        "monitoring.snapshot",
        "model:" + model,
        "v"
            + snapshot.version()
            + ", "
            + snapshot.rows()
            + " rows, dataset drift "
            + snapshot.datasetDrifted(),
        Outcome.SUCCESS,
        origin);
    return snapshot;
  }

  /** {@link #snapshotNow} for the scheduler: the same work, no audit record every few minutes. */
  MonitoringSnapshot snapshot(ResourceName model) {
    MonitoringReport report = currentReport(model);
    Instant at = clock.instant();
    MonitoringSnapshot snapshot = Snapshots.of(report, at);
    history.save(snapshot);
    gauges.update(snapshot);
    int opened = rules.run(model.value(), report, at);
    LOG.fine(() -> "snapshot of " + model + " opened " + opened + " alerts");
    return snapshot;
  }

  static MonitoredVersion monitored(ModelVersion version, BatchModel batch) {
    return new MonitoredVersion(
        batch.id(),
        version.signature(),
        batch.input(),
        batch.features(),
        batch.labels(),
        batch.classifier());
  }

  private int versionOf(ResourceName model, OptionalInt version) {
    if (version.isPresent()) {
      return version.getAsInt();
    }
    return serving
        .engine()
        .status(model)
        .flatMap(ModelMonitoring::primary)
        .orElseThrow(
            () ->
                new DomainValidationException(
                    "version",
                    "model "
                        + model
                        + " has no deployment serving a version; give the version to monitor"));
  }

  private static Optional<Integer> primary(DeploymentStatus status) {
    return status.versions().stream()
        .filter(v -> v.route() == Route.PRIMARY)
        .map(DeploymentStatus.ServedVersion::version)
        .findFirst();
  }

  private static void checkWindow(Instant from, Instant to) {
    if (from == null || to == null) {
      throw new DomainValidationException(from == null ? "from" : "to", "give both from and to");
    }
    if (!from.isBefore(to)) {
      throw new DomainValidationException("from", "from must be before to");
    }
    if (Duration.between(from, to).compareTo(LONGEST_WINDOW) > 0) {
      throw new DomainValidationException("to", "a window spans at most 366 days");
    }
  }

  private static Duration bucket(Instant from, Instant to) {
    long seconds = Math.max(1, Duration.between(from, to).toSeconds() / TRAFFIC_BUCKETS);
    return Duration.ofSeconds(seconds);
  }

  private void acquire() {
    try {
      oneAtATime.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for another analysis", e);
    }
  }
}
