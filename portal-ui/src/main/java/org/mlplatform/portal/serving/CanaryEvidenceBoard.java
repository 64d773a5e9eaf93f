package org.mlplatform.portal.serving;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mlplatform.domain.models.ModelVersionId;
import org.mlplatform.domain.serving.CanaryEvidence;
import org.mlplatform.portal.cluster.ClusterBus;

/**
 * What each version served on every node, for canary verdicts: a canary's traffic is spread over
 * the nodes, and the verdict may run on any of them. Each node writes its own counters into a map
 * the cluster shares, once a second, under its name and start time (a restarted node starts again
 * from zero under a new key, and a dead node's last counters stay, so the sums only grow); a reader
 * adds its own live counters to the others'. Alone, this is the node's own counters.
 */
@ApplicationScoped
public class CanaryEvidenceBoard {

  private static final Logger LOG = Logger.getLogger(CanaryEvidenceBoard.class.getName());

  static final String MAP = "mlp.canary.evidence";

  /** Entries nobody wrote for this long are of nodes long gone; they are dropped. */
  static final Duration KEPT = Duration.ofDays(1);

  private static final long WRITE_EVERY_MILLIS = 1_000;

  @Inject private ServingMetrics metrics;
  @Inject private ClusterBus cluster;
  @Resource private ManagedScheduledExecutorService scheduler;

  private final Clock clock = Clock.systemUTC();
  private volatile String self;

  /** Starts writing this node's counters; called once the node joined the cluster. */
  public String start() {
    self = cluster.nodeName() + "@" + clock.millis();
    scheduler.scheduleWithFixedDelay(
        this::write, WRITE_EVERY_MILLIS, WRITE_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    // Pruning reads every entry of the grid's map: hourly is enough for entries kept a day.
    scheduler.scheduleWithFixedDelay(this::prune, 1, 60, TimeUnit.MINUTES);
    return "canary counters shared as " + self;
  }

  /** What {@code version} served on every node since each started (shadow copies excluded). */
  public CanaryEvidence evidence(ModelVersionId version) {
    CanaryEvidence own = metrics.evidence(version);
    String me = self;
    return me == null ? own : sum(board(), version, me, own);
  }

  private void write() {
    try {
      String me = self;
      ConcurrentMap<String, String> board = board();
      long now = clock.millis();
      for (ModelVersionId version : metrics.versions()) {
        board.put(key(me, version), encode(metrics.evidence(version), now));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "could not share the canary counters this time", e);
    }
  }

  private void prune() {
    try {
      long oldest = clock.millis() - KEPT.toMillis();
      board().entrySet().removeIf(e -> writtenAt(e.getValue()) < oldest);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "could not prune the shared canary counters this time", e);
    }
  }

  private ConcurrentMap<String, String> board() {
    return cluster.sharedMap(MAP);
  }

  /** {@code own} plus every other writer's last counters of {@code version}. */
  static CanaryEvidence sum(
      Map<String, String> board, ModelVersionId version, String self, CanaryEvidence own) {
    long requests = own.requests();
    long errors = own.serverErrors();
    long nanos = own.totalNanos();
    String suffix = "|" + version;
    for (Map.Entry<String, String> e : board.entrySet()) {
      if (e.getKey().endsWith(suffix) && !e.getKey().equals(key(self, version))) {
        CanaryEvidence other = parse(e.getValue());
        requests += other.requests();
        errors += other.serverErrors();
        nanos += other.totalNanos();
      }
    }
    return new CanaryEvidence(requests, errors, nanos);
  }

  static String key(String writer, ModelVersionId version) {
    return writer + "|" + version;
  }

  static String encode(CanaryEvidence evidence, long writtenAtMillis) {
    return text(evidence) + "," + writtenAtMillis;
  }

  /** Counters as text, {@code requests,errors,nanos}, for maps the nodes share. */
  public static String text(CanaryEvidence evidence) {
    return evidence.requests() + "," + evidence.serverErrors() + "," + evidence.totalNanos();
  }

  /** Counters from {@link #text} (anything after the third number is ignored). */
  public static CanaryEvidence parse(String text) {
    String[] n = text.split(",");
    return new CanaryEvidence(Long.parseLong(n[0]), Long.parseLong(n[1]), Long.parseLong(n[2]));
  }

  private static long writtenAt(String value) {
    return Long.parseLong(value.substring(value.lastIndexOf(',') + 1));
  }
}
