package org.mlplatform.workflows;

import jakarta.transaction.TransactionManager;
import java.util.concurrent.Executor;
import javax.script.ScriptEngineManager;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.JakartaTransactionProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.impl.scripting.engine.DefaultScriptEngineResolver;
import org.mlplatform.workflows.promotion.PromotionDelegates;
import org.mlplatform.workflows.promotion.WorkflowPorts;
import org.mlplatform.workflows.retraining.RetrainingSteps;

/**
 * Builds the embedded engine. In the application server the engine joins the container's JTA
 * transactions on the platform's DataSource, so a Hibernate change and a process step commit or
 * roll back together; tests build a standalone engine on a plain DataSource.
 */
public final class WorkflowEngineFactory {

  private static final String ENGINE_NAME = "mlp";

  /**
   * The job executor looks for due timers at least this often. Camunda's default of a minute would
   * let a canary window or an escalation run late by that much.
   */
  private static final int MAX_JOB_WAIT_MILLIS = 2_000;

  private WorkflowEngineFactory() {}

  /**
   * An engine inside the container's JTA transactions. Its jobs run on {@code jobThreads} (the
   * container's managed executor) once {@link WorkflowEngine#startJobs()} is called, which the
   * platform does when everything the jobs call has started.
   */
  public static WorkflowEngine inContainer(
      DataSource dataSource, TransactionManager tm, WorkflowPorts ports, Executor jobThreads) {
    JakartaTransactionProcessEngineConfiguration config =
        new JakartaTransactionProcessEngineConfiguration();
    config.setTransactionManager(tm);
    config.setTransactionsExternallyManaged(true);
    configure(config, dataSource, false, ports);
    config.setJobExecutor(tuned(new ContainerJobExecutor(jobThreads)));
    return build(config);
  }

  /** An engine with its own local transactions, for tests and tools. */
  public static WorkflowEngine standalone(
      DataSource dataSource, boolean jobExecutor, WorkflowPorts ports) {
    return build(
        configure(new StandaloneProcessEngineConfiguration(), dataSource, jobExecutor, ports));
  }

  private static ProcessEngineConfigurationImpl configure(
      ProcessEngineConfigurationImpl config,
      DataSource dataSource,
      boolean jobExecutor,
      WorkflowPorts ports) {
    config.setProcessEngineName(ENGINE_NAME);
    config.setDataSource(dataSource);
    config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    config.setJobExecutorActivate(jobExecutor);
    config.setJobExecutor(tuned(new DefaultJobExecutor()));
    // The default id generator broke the next transaction on a managed thread (STACK.md).
    config.setIdGenerator(new StrongUuidGenerator());
    config.setMetricsEnabled(false);
    // Our processes use expressions only: no script engines, no DMN. Discovering them loads FEEL's
    // Scala script engine, whose class initialisation failed for good when it met Payara's jars
    // closing mid-deployment (the start-up retry cannot re-run a failed static initialiser).
    config.setScriptEngineResolver(
        new DefaultScriptEngineResolver(
            new ScriptEngineManager(ClassLoader.getPlatformClassLoader())));
    config.setDmnEnabled(false);
    java.util.Map<Object, Object> beans = new java.util.HashMap<>(PromotionDelegates.beans(ports));
    beans.putAll(RetrainingSteps.beans(ports.retraining(), ports.notifier()));
    config.setBeans(beans);
    return config;
  }

  private static JobExecutor tuned(JobExecutor executor) {
    executor.setMaxWait(MAX_JOB_WAIT_MILLIS);
    executor.setWaitTimeInMillis(500);
    return executor;
  }

  private static WorkflowEngine build(ProcessEngineConfigurationImpl config) {
    ProcessEngine engine = config.buildProcessEngine();
    WorkflowEngine workflows = new WorkflowEngine(engine);
    workflows.deployProcesses();
    return workflows;
  }
}
