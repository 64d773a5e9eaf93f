package org.mlplatform.workflows;

import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.mlplatform.workflows.promotion.CheckResult;

/**
 * Review tasks in the platform's terms: the inbox of a user and their groups, claims, and
 * decisions. Four eyes and claims are enforced here, whatever the caller's interface.
 */
public final class ReviewInbox {

  private final ProcessEngine engine;

  ReviewInbox(ProcessEngine engine) {
    this.engine = engine;
  }

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

  private static java.time.Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
