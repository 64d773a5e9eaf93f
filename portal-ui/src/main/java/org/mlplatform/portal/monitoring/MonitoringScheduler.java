package org.mlplatform.portal.monitoring;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.monitoring.history.MonitoringHistory;
import org.mlplatform.portal.cluster.ClusterBus;

/**
 * Evaluates every deployed model when its policy says it is due: a snapshot of its window, the
 * drift gauges, and its alert rules. Runs on the container's scheduled executor from start-up on;
 * one model's failure is logged and does not stop the others. Old snapshots are trimmed daily.
 */
@ApplicationScoped
public class MonitoringScheduler {

  private static final Logger LOG = Logger.getLogger(MonitoringScheduler.class.getName());

  @Resource private ManagedScheduledExecutorService scheduler;
  @Inject private ModelMonitoring monitoring;
  @Inject private MonitoringHistory history;
  @Inject private MonitoringSettings settings;
  @Inject private ClusterBus cluster;

  private final Map<ResourceName, Instant> lastRun = new ConcurrentHashMap<>();
  private final Clock clock = Clock.systemUTC();

  /** Starts the schedule; called once the serving engine is up. */
  public String start() {
    long tick = settings.tick().toMillis();
    scheduler.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(this::trim, 1, 24 * 60, TimeUnit.MINUTES);
    return "every " + settings.tick();
  }

  void tick() {
    if (!cluster.runsScheduledWork()) {
      return; // the oldest node monitors for the cluster
    }
    Instant now = clock.instant();
    for (ResourceName model : monitoring.monitoredModels()) {
      Instant last = lastRun.get(model);
      if (last != null && last.plus(monitoring.policy(model).evaluateEvery()).isAfter(now)) {
        continue;
      }
      lastRun.put(model, now);
      try {
        monitoring.snapshot(model);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "monitoring " + model + " failed: " + e.getMessage(), e);
      }
    }
  }

  private void trim() {
    if (!cluster.runsScheduledWork()) {
      return;
    }
    try {
      int deleted = history.deleteOlderThan(clock.instant().minus(settings.historyRetention()));
      if (deleted > 0) {
        LOG.info(() -> deleted + " monitoring snapshots past their retention deleted");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "trimming monitoring history failed", e);
    }
  }
}
