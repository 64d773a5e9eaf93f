package org.mlplatform.workflows;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * The platform's view of the process engine: deploys the BPMN files shipped in this module and
 * offers operations in the platform's terms. Each call runs in the caller's transaction when there
 * is one (container) or in its own (standalone).
 */
public final class WorkflowEngine implements AutoCloseable {

  /** BPMN files deployed at start; duplicate filtering keeps restarts from adding versions. */
  static final List<String> PROCESS_RESOURCES = List.of("bpmn/model-promotion.bpmn");

  private final ProcessEngine engine;

  WorkflowEngine(ProcessEngine engine) {
    this.engine = engine;
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

  /** Starts a promotion of a model version to an alias; returns the process instance id. */
  public String startPromotion(String model, int version, String alias, String requestedBy) {
    ProcessInstance instance =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                PromotionVariables.PROCESS_KEY,
                model + ":" + version,
                Map.of(
                    PromotionVariables.MODEL, model,
                    PromotionVariables.VERSION, version,
                    PromotionVariables.ALIAS, alias,
                    PromotionVariables.REQUESTED_BY, requestedBy));
    return instance.getId();
  }

  /** Open tasks that any of these groups may work, oldest first. */
  public List<ReviewTask> openTasksForGroups(Collection<String> groups) {
    if (groups.isEmpty()) {
      return List.of();
    }
    return engine
        .getTaskService()
        .createTaskQuery()
        .taskCandidateGroupIn(List.copyOf(groups))
        .initializeFormKeys()
        .orderByTaskCreateTime()
        .asc()
        .list()
        .stream()
        .map(this::toReviewTask)
        .toList();
  }

  private ReviewTask toReviewTask(Task task) {
    Map<String, Object> vars = engine.getTaskService().getVariables(task.getId());
    return new ReviewTask(
        task.getId(),
        task.getName(),
        task.getProcessInstanceId(),
        (String) vars.get(PromotionVariables.MODEL),
        (Integer) vars.get(PromotionVariables.VERSION),
        (String) vars.get(PromotionVariables.REQUESTED_BY),
        task.getCreateTime().toInstant());
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
