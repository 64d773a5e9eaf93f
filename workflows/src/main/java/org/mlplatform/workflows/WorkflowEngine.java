package org.mlplatform.workflows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.mlplatform.workflows.promotion.PromotionRequest;

/**
 * The platform's view of the process engine: deploys the BPMN files shipped in this module and
 * offers operations in the platform's terms. Each call runs in the caller's transaction when there
 * is one (container) or in its own (standalone).
 */
public final class WorkflowEngine implements AutoCloseable {

  /** BPMN files deployed at start; duplicate filtering keeps restarts from adding versions. */
  static final List<String> PROCESS_RESOURCES =
      List.of(
          "bpmn/model-promotion.bpmn",
          "bpmn/emergency-rollback.bpmn",
          "bpmn/model-retraining.bpmn",
          "bpmn/retraining-schedule.bpmn");

  public static final String ROLLBACK_PROCESS_KEY = "emergencyRollback";

  private final ProcessEngine engine;
  private final ReviewInbox inbox;
  private final ProcessHistories histories;
  private final Retrainings retrainings;

  WorkflowEngine(ProcessEngine engine) {
    this.engine = engine;
    this.inbox = new ReviewInbox(engine);
    this.histories = new ProcessHistories(engine);
    this.retrainings = new Retrainings(engine);
  }

  /** Review tasks: the inbox, claims and decisions. */
  public ReviewInbox inbox() {
    return inbox;
  }

  /** Process instances as their history tells them, with their diagrams. */
  public ProcessHistories histories() {
    return histories;
  }

  /** Retraining requests and schedules. */
  public Retrainings retrainings() {
    return retrainings;
  }

  void deployProcesses() {
    var deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .name("mlp-processes")
            .enableDuplicateFiltering(true);
    PROCESS_RESOURCES.forEach(deployment::addClasspathResource);
    deployment.deploy();
  }

  /** Starts running due timers and asynchronous steps; idempotent. */
  public void startJobs() {
    var executor =
        ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                engine.getProcessEngineConfiguration())
            .getJobExecutor();
    if (!executor.isActive()) {
      executor.start();
    }
  }

  /** Keys of the latest deployed process definitions, sorted. */
  public List<String> deployedProcessKeys() {
    return engine
        .getRepositoryService()
        .createProcessDefinitionQuery()
        .latestVersion()
        .list()
        .stream()
        .map(ProcessDefinition::getKey)
        .sorted()
        .toList();
  }

  /**
   * Starts a promotion; its checks run before this returns, so a failed check is already visible in
   * its history. Returns the process instance id.
   */
  public String startPromotion(PromotionRequest request) {
    ProcessInstance instance =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                PromotionVariables.PROCESS_KEY,
                request.model() + ":" + request.version(),
                request.variables());
    return instance.getId();
  }

  /** The running promotion of this version, if one is under way. */
  public Optional<String> activePromotion(String model, int version) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey(PromotionVariables.PROCESS_KEY)
        .processInstanceBusinessKey(model + ":" + version)
        .list()
        .stream()
        .map(ProcessInstance::getId)
        .findFirst();
  }

  /** Points an alias back at an earlier version at once, without review; returns the process. */
  public String startEmergencyRollback(
      String model, int version, String alias, String requestedBy, String reason) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(PromotionVariables.MODEL, model);
    vars.put(PromotionVariables.VERSION, version);
    vars.put(PromotionVariables.ALIAS, alias);
    vars.put(PromotionVariables.REQUESTED_BY, requestedBy);
    vars.put(PromotionVariables.COMMENT, reason);
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey(ROLLBACK_PROCESS_KEY, model + ":" + version, vars)
        .getId();
  }

  /** The underlying engine, for tests in this module. */
  ProcessEngine processEngine() {
    return engine;
  }

  @Override
  public void close() {
    engine.close();
  }
}
