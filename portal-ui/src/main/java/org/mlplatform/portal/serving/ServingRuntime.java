package org.mlplatform.portal.serving;

import ai.onnxruntime.OrtEnvironment;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.AliasName;
import org.mlplatform.domain.serving.Deployment;
import org.mlplatform.domain.serving.DeploymentRepository;
import org.mlplatform.persistence.serving.JdbcPredictionLogStore;
import org.mlplatform.portal.cluster.ClusterBus;
import org.mlplatform.portal.cluster.ClusterOutbox;
import org.mlplatform.portal.config.PlatformDataSource;
import org.mlplatform.portal.config.PlatformSettings;
import org.mlplatform.portal.security.TokenVerifier;
import org.mlplatform.portal.serving.oip.InferencePort;
import org.mlplatform.portal.serving.oip.OipEndpoint;
import org.mlplatform.portal.serving.oip.PortRoutes;
import org.mlplatform.serving.engine.ModelNotServedException;
import org.mlplatform.serving.engine.PredictionLog;
import org.mlplatform.serving.engine.ServingEngine;
import org.mlplatform.serving.engine.SessionSettings;
import org.mlplatform.serving.engine.VersionLoadException;

/**
 * Owns the serving engine: starts it once ONNX Runtime is up and loads every saved deployment
 * before the platform reports ready, follows alias moves once they have committed (a rolled-back
 * promotion must not change what is served), and keeps the prediction log within its retention.
 */
@ApplicationScoped
public class ServingRuntime {

  private static final Logger LOG = Logger.getLogger(ServingRuntime.class.getName());

  @Resource(lookup = PlatformDataSource.JNDI_NAME)
  private DataSource dataSource;

  @Resource private ManagedThreadFactory threads;
  @Resource private ManagedExecutorService executor;
  @Resource private ManagedScheduledExecutorService scheduler;

  @Inject private DeploymentRepository deployments;
  @Inject private RegistryVersionSource versions;
  @Inject private ServingMetrics metrics;
  @Inject private PlatformSettings settings;
  @Inject private OipEndpoint endpoint;
  @Inject private Instance<PortRoutes> portRoutes;
  @Inject private TokenVerifier tokens;
  @Inject private ClusterOutbox cluster;
  @Inject private ClusterBus clusterBus;

  private final Clock clock = Clock.systemUTC();
  private volatile ServingEngine engine;
  private volatile PredictionLog log;
  private volatile JdbcPredictionLogStore logStore;
  private volatile InferencePort port;

  /** Starts the engine and loads saved deployments; a deployment that fails to load is reported. */
  public String start(OrtEnvironment environment) {
    logStore = new JdbcPredictionLogStore(dataSource);
    log =
        new PredictionLog(
            logStore, settings.predictionLogCapacity(), Duration.ofMillis(200), threads);
    engine =
        new ServingEngine(
            environment,
            new SessionSettings(settings.servingIntraOpThreads(), 3),
            versions,
            metrics,
            log,
            threads,
            clock);
    metrics.gauge("mlp_prediction_log_dropped_total", log::dropped);
    metrics.gauge("mlp_prediction_log_written_total", log::written);
    metrics.gauge("mlp_shadow_requests_dropped_total", engine::shadowsDropped);
    scheduler.scheduleWithFixedDelay(this::applyRetention, 1, 60, TimeUnit.MINUTES);
    List<Deployment> saved = deployments.all();
    int ready = 0;
    for (Deployment deployment : saved) {
      try {
        engine.apply(deployment);
        ready++;
      } catch (VersionLoadException | RuntimeException e) {
        LOG.log(Level.SEVERE, "deployment " + deployment.model() + " failed to load", e);
      }
    }
    openInferencePort();
    return ready
        + " of "
        + saved.size()
        + " deployments serving"
        + (port == null ? "" : ", inference port " + port.port());
  }

  /** The dedicated inference port, when one is configured; a port that cannot open is logged. */
  private void openInferencePort() {
    if (settings.servingPort() <= 0) {
      return;
    }
    try {
      port =
          InferencePort.open(
              settings.servingHost(),
              settings.servingPort(),
              settings.servingPortThreads(),
              threads,
              endpoint,
              portRoutes.stream().toList(),
              tokens);
    } catch (java.io.IOException | RuntimeException e) {
      LOG.log(Level.SEVERE, "the inference port " + settings.servingPort() + " cannot open", e);
    }
  }

  /** The engine; a 503 while the platform is still starting. */
  public ServingEngine engine() {
    ServingEngine started = engine;
    if (started == null) {
      throw new ModelNotServedException("the serving engine is starting; try again shortly", true);
    }
    return started;
  }

  public PredictionLog log() {
    return log;
  }

  public JdbcPredictionLogStore logStore() {
    return logStore;
  }

  /** Deployments serving the moved alias reload off the request thread, after the commit. */
  void aliasMoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) AliasMoved moved) {
    if (engine == null) {
      return;
    }
    executor.submit(() -> follow(moved));
  }

  private void follow(AliasMoved moved) {
    try {
      if (moved.alias().isChampion() && deployments.find(moved.model()).isEmpty()) {
        Deployment first = Deployment.of(moved.model(), "system", Instant.now(clock));
        engine.apply(first);
        deployments.save(first);
        cluster.deploymentChanged(moved.model());
        LOG.info(() -> "model " + moved.model() + " has a champion: deployed it");
        return;
      }
      engine.aliasMoved(moved.model(), moved.alias());
    } catch (VersionLoadException | RuntimeException e) {
      LOG.log(
          Level.SEVERE, "deployment " + moved.model() + " could not follow " + moved.alias(), e);
    }
  }

  /**
   * Another node moved an alias: a deployment this node serves follows it. Creating the first
   * deployment of a new champion is the moving node's part; this node hears of that separately.
   */
  public void followElsewhere(ResourceName model, AliasName alias) {
    if (engine == null || engine.status(model).isEmpty()) {
      return;
    }
    executor.submit(
        () -> {
          try {
            engine.aliasMoved(model, alias);
          } catch (VersionLoadException | RuntimeException e) {
            LOG.log(Level.SEVERE, "deployment " + model + " could not follow " + alias, e);
          }
        });
  }

  /** Another node saved or removed a deployment: this node serves what the database now holds. */
  public void deploymentChangedElsewhere(ResourceName model) {
    if (engine == null) {
      return; // the start-up loads the saved deployments, this one included
    }
    executor.submit(
        () -> {
          try {
            Optional<Deployment> saved = deployments.find(model);
            if (saved.isPresent()) {
              engine.apply(saved.get());
            } else if (engine.status(model).isPresent()) {
              engine.remove(model);
            }
          } catch (VersionLoadException | RuntimeException e) {
            LOG.log(Level.SEVERE, "deployment " + model + " changed elsewhere, not here", e);
          }
        });
  }

  private void applyRetention() {
    if (!clusterBus.runsScheduledWork()) {
      return; // the oldest node trims the shared log
    }
    try {
      int deleted =
          logStore.deleteOlderThan(Instant.now(clock).minus(settings.predictionRetention()));
      if (deleted > 0) {
        LOG.info(() -> deleted + " logged predictions past retention deleted");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "prediction log retention failed", e);
    }
  }

  @PreDestroy
  void stop() {
    if (port != null) {
      port.close();
    }
    if (engine != null) {
      engine.close();
    }
    if (log != null) {
      log.close();
    }
  }
}
