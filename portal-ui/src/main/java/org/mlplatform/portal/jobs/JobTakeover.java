package org.mlplatform.portal.jobs;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.mlplatform.domain.jobs.Job;
import org.mlplatform.domain.jobs.JobRepository;
import org.mlplatform.portal.cluster.ClusterBus;
import org.mlplatform.portal.config.DurationSettings;

/**
 * Keeps every job running somewhere. Each node beats for its unfinished jobs; the oldest member
 * takes over the jobs of nodes that left the cluster and fell silent, and a restarted node takes
 * back the ones its previous run left. A job taken over runs again from its start where its kind
 * allows it ({@link JobRecovery}), and otherwise fails with a reason that says to start it again.
 * The database decides who gets a job ({@link JobRepository#takeOver}), so it runs once.
 */
@ApplicationScoped
public class JobTakeover {

  private static final Logger LOG = Logger.getLogger(JobTakeover.class.getName());

  @Inject private JobRepository jobs;
  @Inject private JobRunner runner;
  @Inject private ClusterBus cluster;
  @Inject @Any private Instance<JobRecovery> recoveries;
  @Resource private ManagedScheduledExecutorService scheduler;

  private final Clock clock = Clock.systemUTC();

  /**
   * Takes back what this node's previous run left unfinished, then beats and watches the others.
   *
   * @param startedAt when this run began: jobs queued since are its own
   */
  public String start(Instant startedAt) {
    long beat = heartbeat().toMillis();
    scheduler.scheduleWithFixedDelay(this::beat, beat, beat, TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(this::scan, beat, beat, TimeUnit.MILLISECONDS);
    int taken = recoverOwn(startedAt);
    return taken
        + " jobs of the last run taken back; heartbeat every "
        + heartbeat()
        + ", jobs of a node gone for "
        + silence()
        + " taken over";
  }

  /**
   * This node's jobs from before {@code startedAt}: its previous run's, whose threads are gone.
   * Alone, also the jobs without a node, from a version that recorded none.
   */
  int recoverOwn(Instant startedAt) {
    boolean alone = cluster.members().size() == 1;
    int taken = 0;
    for (Job job : jobs.unfinished()) {
      boolean own = cluster.nodeName().equals(job.node()) || (job.node() == null && alone);
      if (own && job.createdAt().isBefore(startedAt)) {
        taken += takeOver(job) ? 1 : 0;
      }
    }
    return taken;
  }

  /** On the oldest member: takes over the jobs of nodes that are gone. */
  void scan() {
    try {
      if (!cluster.runsScheduledWork()) {
        return;
      }
      Set<String> live = Set.copyOf(cluster.members());
      Instant silentSince = clock.instant().minus(silence());
      List<Job> orphans =
          jobs.unfinished().stream().filter(j -> j.isOrphaned(live, silentSince)).toList();
      orphans.forEach(this::takeOver);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "looking for jobs of nodes that are gone failed", e);
    }
  }

  private void beat() {
    try {
      jobs.heartbeat(cluster.nodeName(), clock.instant());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "the jobs' heartbeat failed; trying again", e);
    }
  }

  private boolean takeOver(Job job) {
    Optional<Job> moved = jobs.takeOver(job, cluster.nodeName(), clock.instant());
    moved.ifPresent(m -> recover(m, job.node()));
    return moved.isPresent();
  }

  private void recover(Job moved, String from) {
    Optional<JobRecovery> recovery =
        recoveries.stream().filter(r -> r.jobType().equals(moved.type())).findFirst();
    String interrupted = "interrupted: node " + (from == null ? "(unknown)" : from) + " stopped";
    String reason = interrupted + " while this was running; start it again";
    try {
      Optional<JobRunner.Work> work = recovery.flatMap(r -> r.restart(moved));
      if (work.isPresent()) {
        LOG.info(
            () ->
                "job "
                    + moved.id()
                    + " ("
                    + moved.type()
                    + ") of node "
                    + from
                    + " runs again here");
        runner.start(moved, work.get());
        return;
      }
    } catch (RuntimeException e) {
      reason = interrupted + " while this was running, and " + e.getMessage();
    }
    String failure = reason;
    LOG.warning(() -> "job " + moved.id() + " (" + moved.type() + ") failed: " + failure);
    jobs.save(moved.failed(failure, clock.instant()));
    recovery.ifPresent(r -> r.abandon(moved, failure));
  }

  private static Duration heartbeat() {
    return DurationSettings.read(
        ConfigProvider.getConfig(), "mlp.jobs.heartbeat", Duration.ofSeconds(5));
  }

  private static Duration silence() {
    return DurationSettings.read(
        ConfigProvider.getConfig(), "mlp.jobs.takeover-after", Duration.ofSeconds(20));
  }
}
