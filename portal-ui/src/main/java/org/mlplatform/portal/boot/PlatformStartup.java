package org.mlplatform.portal.boot;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.mlplatform.domain.platform.Component;
import org.mlplatform.domain.platform.PlatformReadiness;
import org.mlplatform.persistence.migration.SchemaMigrator;
import org.mlplatform.portal.cluster.ClusterBus;
import org.mlplatform.portal.config.PlatformDataSource;
import org.mlplatform.portal.config.PlatformSettings;
import org.mlplatform.portal.jobs.JobTakeover;
import org.mlplatform.portal.monitoring.MonitoringScheduler;
import org.mlplatform.portal.promotion.PlatformDeploymentActions;
import org.mlplatform.portal.promotion.PlatformRetraining;
import org.mlplatform.portal.promotion.PortalWorkflowNotifier;
import org.mlplatform.portal.promotion.PromotionCheckRunner;
import org.mlplatform.portal.search.CatalogIndexer;
import org.mlplatform.portal.serving.CanaryEvidenceBoard;
import org.mlplatform.portal.serving.ServingRuntime;
import org.mlplatform.search.CatalogIndex;
import org.mlplatform.serving.OnnxRuntimeHost;
import org.mlplatform.workflows.WorkflowEngine;
import org.mlplatform.workflows.WorkflowEngineFactory;
import org.mlplatform.workflows.promotion.WorkflowPorts;

/**
 * Brings the platform's components up when the application deploys. The work runs on the managed
 * executor, not the deployment thread: transactional work done on the deployment thread is silently
 * lost on Payara (STACK.md). Readiness turns green once every component is up.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PlatformStartup {

  private static final Logger LOG = Logger.getLogger(PlatformStartup.class.getName());

  @Resource(lookup = PlatformDataSource.JNDI_NAME)
  private DataSource dataSource;

  @Resource(lookup = "java:appserver/TransactionManager")
  private TransactionManager transactionManager;

  @Resource private ManagedExecutorService executor;

  @Inject private PlatformSettings settings;
  @Inject private PlatformReadiness readiness;
  @Inject private JobTakeover jobTakeover;
  @Inject private CanaryEvidenceBoard canaryEvidence;
  @Inject private ClusterBus cluster;
  @Inject private ServingRuntime serving;
  @Inject private PromotionCheckRunner promotionChecks;
  @Inject private PlatformDeploymentActions deploymentActions;
  @Inject private PortalWorkflowNotifier workflowNotifier;
  @Inject private PlatformRetraining retraining;
  @Inject private MonitoringScheduler monitoring;
  @Inject private CatalogIndexer indexer;

  private volatile WorkflowEngine workflows;
  private volatile CatalogIndex index;
  private volatile OnnxRuntimeHost onnx;

  private final java.time.Instant startedAt = java.time.Instant.now();

  @PostConstruct
  void start() {
    executor.submit(this::startComponents);
  }

  private void startComponents() {
    long t0 = System.nanoTime();
    // Flyway first: it refuses a schema that already holds Camunda's tables but no history.
    if (step(Component.DATABASE_MIGRATIONS, () -> "schema version " + migrate())
        && step(Component.CLUSTER, cluster::join)
        && step(Component.WORKFLOW_ENGINE, this::startWorkflows)) {
      step(Component.SEARCH_INDEX, this::openIndex);
      step(Component.SERVING_ENGINE, this::startOnnx);
      takeOverJobs();
      LOG.info(() -> canaryEvidence.start());
      // Timers and asynchronous steps call the serving engine and the index: they run from now.
      workflows.startJobs();
      LOG.info(() -> "monitoring scheduled " + monitoring.start());
    }
    LOG.info(
        () ->
            "MLP start-up finished in %d ms, ready=%s"
                .formatted((System.nanoTime() - t0) / 1_000_000, readiness.isReady()));
  }

  /** After the serving engine: a batch prediction taken over runs on ONNX Runtime. */
  private void takeOverJobs() {
    try {
      LOG.info(() -> "jobs: " + jobTakeover.start(startedAt));
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "could not take back the jobs the last run left unfinished", e);
    }
  }

  private String migrate() {
    return new SchemaMigrator(dataSource).migrate();
  }

  private String startWorkflows() {
    workflows =
        WorkflowEngineFactory.inContainer(
            dataSource,
            transactionManager,
            new WorkflowPorts(promotionChecks, deploymentActions, workflowNotifier, retraining),
            // Jobs run on the managed executor: container threads with the application's context
            // (JPA, JNDI, transactions that suspend and resume). No job may wait there for
            // another task queued behind it, so the processes wait with timers instead.
            executor);
    return "processes " + workflows.deployedProcessKeys();
  }

  /**
   * Opens the index, rebuilt when it does not match the database, and only then offers it to
   * searches: a half-built index would answer with half the catalogue.
   */
  private String openIndex() {
    CatalogIndex opened = CatalogIndex.open(settings.dataDir().resolve("index"));
    try {
      String detail = indexer.start(opened);
      index = opened;
      return detail;
    } catch (RuntimeException | Error e) {
      try {
        opened.close(); // releases the folder's lock, so that a retried step can open it again
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  private String startOnnx() {
    onnx = OnnxRuntimeHost.start();
    String deployments = serving.start(onnx.environment());
    return "ONNX Runtime " + onnx.version() + " " + onnx.providers() + ", " + deployments;
  }

  private boolean step(Component component, java.util.function.Supplier<String> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        String detail = work.get();
        readiness.markUp(component, detail);
        LOG.info(() -> component + " up: " + detail);
        return true;
      } catch (RuntimeException | Error e) {
        if (attempt < CLASS_LOADING_ATTEMPTS && closedJar(e)) {
          LOG.warning(() -> component + " met the class loader mid-deployment; trying again");
          pause();
          continue;
        }
        readiness.markFailed(component, e.getMessage());
        LOG.log(Level.SEVERE, component + " failed to start", e);
        return false;
      }
    }
  }

  /**
   * The start-up runs beside the end of Payara's deployment, which briefly closes the web class
   * loader's jars ("zip file closed" while Camunda loaded a class): a step that meets it runs
   * again.
   */
  private static final int CLASS_LOADING_ATTEMPTS = 5;

  private static boolean closedJar(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IllegalStateException && "zip file closed".equals(t.getMessage())) {
        return true;
      }
    }
    return false;
  }

  private static void pause() {
    try {
      Thread.sleep(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The workflow engine, once it has started. */
  public Optional<WorkflowEngine> workflows() {
    return Optional.ofNullable(workflows);
  }

  /** ONNX Runtime, once it has loaded. */
  public Optional<OnnxRuntimeHost> onnxRuntime() {
    return Optional.ofNullable(onnx);
  }

  /** The catalogue index, once it is open. */
  public Optional<CatalogIndex> catalogIndex() {
    return Optional.ofNullable(index);
  }

  @PreDestroy
  void stop() {
    if (workflows != null) {
      workflows.close();
    }

    if (index != null) {
      index.close();
    }
  }
}
