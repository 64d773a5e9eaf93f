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

  /** A reviewer's decision on a promotion, with what the process was asked for. */
  public record PromotionDecision(
      String processInstanceId,
      String model,
      int version,
      String alias,
      String requestedBy,
      String reviewer,
      boolean approved,
      String comment) {}

  /** No open task has this id (completed, or never existed). */
  public static final class NoSuchTaskException extends RuntimeException {
    public NoSuchTaskException(String taskId) {
      super("no open task " + taskId);
    }
  }

  /** Four eyes: whoever asked for a promotion may not review it. */
  public static final class SelfReviewException extends RuntimeException {
    public SelfReviewException(String user) {
      super(user + " asked for this promotion and cannot review it: another reviewer must");
    }
  }

  /**
   * Completes a promotion review. Joins the caller's transaction, so the caller can apply the
   * decision (move the alias) in the same commit.
   *
   * @throws NoSuchTaskException when no open task has the id
   * @throws SelfReviewException when the reviewer asked for the promotion
   */
  public PromotionDecision completeReview(
      String taskId, String reviewer, boolean approve, String comment) {
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      throw new NoSuchTaskException(taskId);
    }
    Map<String, Object> vars = engine.getTaskService().getVariables(taskId);
    String requestedBy = (String) vars.get(PromotionVariables.REQUESTED_BY);
    if (reviewer.equals(requestedBy)) {
      throw new SelfReviewException(reviewer);
    }
    String decision = approve ? "approve" : "reject";
    engine
        .getTaskService()
        .complete(
            taskId,
            Map.of(
                "decision", decision,
                "reviewer", reviewer,
                "comment", comment == null ? "" : comment));
    return new PromotionDecision(
        task.getProcessInstanceId(),
        (String) vars.get(PromotionVariables.MODEL),
        (Integer) vars.get(PromotionVariables.VERSION),
        (String) vars.get(PromotionVariables.ALIAS),
        requestedBy,
        reviewer,
        approve,
        comment);
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
