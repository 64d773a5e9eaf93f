package org.mlplatform.workflows;

import jakarta.transaction.TransactionManager;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.JakartaTransactionProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;

/**
 * Builds the embedded engine. In the application server the engine joins the container's JTA
 * transactions on the platform's DataSource, so a Hibernate change and a process step commit or
 * roll back together; tests build a standalone engine on a plain DataSource.
 */
public final class WorkflowEngineFactory {

  private static final String ENGINE_NAME = "mlp";

  private WorkflowEngineFactory() {}

  /** An engine inside the container's JTA transactions, job executor on. */
  public static WorkflowEngine inContainer(DataSource dataSource, TransactionManager tm) {
    JakartaTransactionProcessEngineConfiguration config =
        new JakartaTransactionProcessEngineConfiguration();
    config.setTransactionManager(tm);
    config.setTransactionsExternallyManaged(true);
    return build(configure(config, dataSource, true));
  }

  /** An engine with its own local transactions, for tests and tools. */
  public static WorkflowEngine standalone(DataSource dataSource, boolean jobExecutor) {
    return build(configure(new StandaloneProcessEngineConfiguration(), dataSource, jobExecutor));
  }

  private static ProcessEngineConfigurationImpl configure(
      ProcessEngineConfigurationImpl config, DataSource dataSource, boolean jobExecutor) {
    config.setProcessEngineName(ENGINE_NAME);
    config.setDataSource(dataSource);
    config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    config.setJobExecutorActivate(jobExecutor);
    // The default id generator broke the next transaction on a managed thread (STACK.md).
    config.setIdGenerator(new StrongUuidGenerator());
    config.setMetricsEnabled(false);
    return config;
  }

  private static WorkflowEngine build(ProcessEngineConfigurationImpl config) {
    ProcessEngine engine = config.buildProcessEngine();
    WorkflowEngine workflows = new WorkflowEngine(engine);
    workflows.deployProcesses();
    return workflows;
  }
}
