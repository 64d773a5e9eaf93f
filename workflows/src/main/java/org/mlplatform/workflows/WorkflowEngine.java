package org.mlplatform.workflows;

import java.io.InputStream;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.mlplatform.workflows.promotion.CheckResult;
import org.mlplatform.workflows.promotion.PromotionRequest;
import org.mlplatform.workflows.retraining.RetrainingCase;
import org.mlplatform.workflows.retraining.RetrainingTrigger;
import org.mlplatform.workflows.retraining.RetrainingVariables;

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

  /**
   * Asks for a retraining through the message alerts also send; returns the process instance id.
   *
   * @throws RetrainingRunningException when one for the model is still running
   */
  public String requestRetraining(
      String model, RetrainingTrigger trigger, String requestedBy, String reason) {
    return requestRetraining(model, trigger, requestedBy, reason, Map.of());
  }

  /**
   * As {@link #requestRetraining(String, RetrainingTrigger, String, String)}, training with {@code
   * hyperparameters} in place of the champion's where they name the same setting.
   */
  public String requestRetraining(
      String model,
      RetrainingTrigger trigger,
      String requestedBy,
      String reason,
      Map<String, String> hyperparameters) {
    activeRetraining(model)
        .ifPresent(
            id -> {
              throw new RetrainingRunningException(model, id);
            });
    return engine
        .getRuntimeService()
        .createMessageCorrelation(RetrainingVariables.REQUESTED_MESSAGE)
        .processInstanceBusinessKey(model)
        .setVariable(RetrainingVariables.MODEL, model)
        .setVariable(RetrainingVariables.TRIGGER, trigger.label())
        .setVariable(RetrainingVariables.REQUESTED_BY, requestedBy)
        .setVariable(RetrainingVariables.REASON, reason)
        .setVariable(RetrainingVariables.HYPERPARAMETERS, RetrainingCase.encode(hyperparameters))
        .correlateStartMessage()
        .getId();
  }

  /** The running retraining of a model, if any. */
  public Optional<String> activeRetraining(String model) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey(RetrainingVariables.PROCESS_KEY)
        .processInstanceBusinessKey(model)
        .list()
        .stream()
        .map(ProcessInstance::getId)
        .findFirst();
  }

  /**
   * Replaces a model's retraining schedule: the running schedule ends, and a new one starts when
   * {@code every} is present.
   */
  public void scheduleRetraining(String model, Optional<java.time.Duration> every) {
    var runtime = engine.getRuntimeService();
    runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(RetrainingVariables.SCHEDULE_PROCESS_KEY)
        .processInstanceBusinessKey(model)
        .list()
        .forEach(p -> runtime.deleteProcessInstance(p.getId(), "schedule changed"));
    every.ifPresent(
        interval ->
            runtime.startProcessInstanceByKey(
                RetrainingVariables.SCHEDULE_PROCESS_KEY,
                model,
                Map.of(
                    RetrainingVariables.MODEL,
                    model,
                    RetrainingVariables.EVERY,
                    interval.toString())));
  }

  /** The next scheduled retraining of a model, if it has a schedule. */
  public Optional<java.time.Instant> nextScheduledRetraining(String model) {
    return engine
        .getManagementService()
        .createJobQuery()
        .processDefinitionKey(RetrainingVariables.SCHEDULE_PROCESS_KEY)
        .processInstanceId(
            Optional.ofNullable(
                    engine
                        .getRuntimeService()
                        .createProcessInstanceQuery()
                        .processDefinitionKey(RetrainingVariables.SCHEDULE_PROCESS_KEY)
                        .processInstanceBusinessKey(model)
                        .singleResult())
                .map(ProcessInstance::getId)
                .orElse("-"))
        .timers()
        .list()
        .stream()
        .map(j -> j.getDuedate().toInstant())
        .findFirst();
  }

  /** A retraining of the model is still running. */
  public static final class RetrainingRunningException extends RuntimeException {
    public RetrainingRunningException(String model, String processInstanceId) {
      super("a retraining of " + model + " is still running: process " + processInstanceId);
    }
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

  /** The task is claimed by someone else, or offered to none of the caller's groups. */
  public static final class NotYourTaskException extends RuntimeException {
    public NotYourTaskException(String message) {
      super(message);
    }
  }

  /** Someone else claimed the task first. */
  public static final class TaskClaimedException extends RuntimeException {
    public TaskClaimedException(String assignee) {
      super("the task is already claimed by " + assignee);
    }
  }

  /**
   * Completes a promotion review. Joins the caller's transaction; an approval runs the process on
   * to the alias move within it.
   *
   * @throws NoSuchTaskException when no open task has the id
   * @throws SelfReviewException when the reviewer asked for the promotion
   * @throws NotYourTaskException when someone else claimed it, or it is not offered to the
   *     reviewer's groups
   */
  public PromotionDecision completeReview(
      String taskId, String reviewer, Collection<String> groups, boolean approve, String comment) {
    Task task = openTask(taskId);
    Map<String, Object> vars = engine.getTaskService().getVariables(taskId);
    String requestedBy = (String) vars.get(PromotionVariables.REQUESTED_BY);
    if (reviewer.equals(requestedBy)) {
      throw new SelfReviewException(reviewer);
    }
    if (task.getAssignee() != null && !task.getAssignee().equals(reviewer)) {
      throw new NotYourTaskException(
          "the task is claimed by " + task.getAssignee() + ": only they can complete it");
    }
    requireCandidate(task, reviewer, groups);
    Map<String, Object> decision = new LinkedHashMap<>();
    decision.put(PromotionVariables.DECISION, approve ? "approve" : "reject");
    decision.put(PromotionVariables.REVIEWER, reviewer);
    decision.put(PromotionVariables.COMMENT, comment == null ? "" : comment);
    engine.getTaskService().setAssignee(taskId, reviewer);
    engine.getTaskService().complete(taskId, decision);
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

  /** Takes a task so that colleagues see who works on it; the requester may not. */
  public ReviewTask claim(String taskId, String user, Collection<String> groups) {
    Task task = openTask(taskId);
    String requestedBy =
        (String) engine.getTaskService().getVariable(taskId, PromotionVariables.REQUESTED_BY);
    if (user.equals(requestedBy)) {
      throw new SelfReviewException(user);
    }
    if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
      throw new TaskClaimedException(task.getAssignee());
    }
    requireCandidate(task, user, groups);
    engine.getTaskService().claim(taskId, user);
    return toReviewTask(openTask(taskId));
  }

  /** Gives a claimed task back to the group; only its assignee or an admin may. */
  public ReviewTask unclaim(String taskId, String user, boolean admin) {
    Task task = openTask(taskId);
    if (task.getAssignee() != null && !task.getAssignee().equals(user) && !admin) {
      throw new NotYourTaskException("the task is claimed by " + task.getAssignee());
    }
    engine.getTaskService().setAssignee(taskId, null);
    return toReviewTask(openTask(taskId));
  }

  /** Open tasks assigned to the user or offered to any of their groups, oldest first. */
  public List<ReviewTask> openTasks(String user, Collection<String> groups) {
    Stream<Task> mine =
        engine.getTaskService().createTaskQuery().taskAssignee(user).list().stream();
    Stream<Task> offered =
        groups.isEmpty()
            ? Stream.empty()
            : engine
                .getTaskService()
                .createTaskQuery()
                .taskCandidateGroupIn(List.copyOf(groups))
                .includeAssignedTasks()
                .list()
                .stream();
    Map<String, Task> byId = new LinkedHashMap<>();
    Stream.concat(mine, offered).forEach(t -> byId.putIfAbsent(t.getId(), t));
    return byId.values().stream()
        .sorted(java.util.Comparator.comparing(Task::getCreateTime))
        .map(this::toReviewTask)
        .toList();
  }

  /** One open task, as the reviewer sees it. */
  public Optional<ReviewTask> task(String taskId) {
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    return Optional.ofNullable(task).map(this::toReviewTask);
  }

  /** A process instance's history, running or ended. */
  public Optional<ProcessHistory> history(String processInstanceId) {
    HistoricProcessInstance instance = historic(processInstanceId).orElse(null);
    if (instance == null) {
      return Optional.empty();
    }
    // A user task's name in the model is an expression; its task carries the evaluated one.
    Map<String, String> taskNames = new java.util.HashMap<>();
    engine
        .getHistoryService()
        .createHistoricTaskInstanceQuery()
        .processInstanceId(processInstanceId)
        .list()
        .forEach(t -> taskNames.put(t.getId(), t.getName()));
    List<ProcessHistory.Step> steps =
        engine
            .getHistoryService()
            .createHistoricActivityInstanceQuery()
            .processInstanceId(processInstanceId)
            .orderByHistoricActivityInstanceStartTime()
            .asc()
            .orderPartiallyByOccurrence()
            .asc()
            .list()
            .stream()
            .map(a -> step(a, taskNames.getOrDefault(a.getTaskId(), a.getActivityName())))
            .toList();
    Set<String> active =
        steps.stream()
            .filter(s -> s.ended() == null)
            .map(ProcessHistory.Step::activityId)
            .collect(Collectors.toSet());
    Map<String, String> variables = new TreeMap<>();
    engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId)
        .disableBinaryFetching()
        .list()
        .forEach(v -> variables.put(v.getName(), render(v.getValue())));
    return Optional.of(
        new ProcessHistory(
            instance.getId(),
            instance.getProcessDefinitionKey(),
            instance.getProcessDefinitionName(),
            instance.getBusinessKey(),
            instance.getState(),
            instant(instance.getStartTime()),
            instant(instance.getEndTime()),
            steps,
            active,
            variables));
  }

  /** Promotion, rollback and retraining processes of a model, newest first. */
  public List<ProcessHistory> processesOf(String model, int limit) {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processInstanceBusinessKeyLike(model + "%")
        .orderByProcessInstanceStartTime()
        .desc()
        .listPage(0, limit * 2)
        .stream()
        .filter(
            p ->
                p.getBusinessKey().startsWith(model + ":")
                    || (p.getBusinessKey().equals(model)
                        && p.getProcessDefinitionKey().equals(RetrainingVariables.PROCESS_KEY)))
        .limit(limit)
        .map(p -> history(p.getId()).orElseThrow())
        .toList();
  }

  /** The BPMN XML a process instance runs on, for drawing its diagram. */
  public Optional<InputStream> processModel(String processInstanceId) {
    return historic(processInstanceId)
        .map(i -> engine.getRepositoryService().getProcessModel(i.getProcessDefinitionId()));
  }

  private Optional<HistoricProcessInstance> historic(String processInstanceId) {
    return Optional.ofNullable(
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceId(processInstanceId)
            .singleResult());
  }

  /** The diagram of the process a process instance runs on. */
  public Optional<org.mlplatform.workflows.diagram.ProcessDiagram> diagram(
      String processInstanceId) {
    return processModel(processInstanceId)
        .map(
            xml -> {
              try (xml) {
                return org.mlplatform.workflows.diagram.ProcessDiagrams.read(xml);
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
  }

  private Task openTask(String taskId) {
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      throw new NoSuchTaskException(taskId);
    }
    return task;
  }

  private void requireCandidate(Task task, String user, Collection<String> groups) {
    if (user.equals(task.getAssignee())) {
      return;
    }
    boolean offered =
        engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
            .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
            .map(IdentityLink::getGroupId)
            .anyMatch(groups::contains);
    if (!offered) {
      throw new NotYourTaskException("the task is not offered to any of your roles");
    }
  }

  private ReviewTask toReviewTask(Task task) {
    Map<String, Object> vars = engine.getTaskService().getVariables(task.getId());
    Object canary = vars.get(PromotionVariables.CANARY_PERCENT);
    return new ReviewTask(
        task.getId(),
        task.getName(),
        task.getProcessInstanceId(),
        (String) vars.get(PromotionVariables.MODEL),
        (Integer) vars.get(PromotionVariables.VERSION),
        (String) vars.get(PromotionVariables.ALIAS),
        (String) vars.get(PromotionVariables.REQUESTED_BY),
        task.getCreateTime().toInstant(),
        task.getAssignee(),
        instant(task.getDueDate()),
        canary == null ? 0 : (Integer) canary,
        CheckResult.decode((String) vars.get(PromotionVariables.CHECKS)),
        (String) vars.get(PromotionVariables.OVERRIDE_JUSTIFICATION));
  }

  private static ProcessHistory.Step step(HistoricActivityInstance a, String name) {
    return new ProcessHistory.Step(
        a.getActivityId(),
        name,
        a.getActivityType(),
        instant(a.getStartTime()),
        instant(a.getEndTime()),
        a.getAssignee());
  }

  private static String render(Object value) {
    return switch (value) {
      case null -> "";
      case Date d -> d.toInstant().toString();
      default -> value.toString();
    };
  }

  private static java.time.Instant instant(Date date) {
    return date == null ? null : date.toInstant();
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
