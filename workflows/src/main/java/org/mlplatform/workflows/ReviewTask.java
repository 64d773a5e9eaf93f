package org.mlplatform.workflows;

import java.time.Instant;
import java.util.List;
import org.mlplatform.workflows.promotion.CheckResult;

/**
 * An open review task as the portal and REST show it, free of engine types.
 *
 * @param assignee who claimed it; null while any candidate may take it
 * @param due when reviewers are reminded; null for tasks without a deadline
 * @param checks the automated checks' results, for the reviewer to weigh
 * @param overrideJustification why the requester asked for review despite failed checks
 */
public record ReviewTask(
    String id,
    String name,
    String processInstanceId,
    String model,
    Integer version,
    String alias,
    String requestedBy,
    Instant created,
    String assignee,
    Instant due,
    int canaryPercent,
    List<CheckResult> checks,
    String overrideJustification) {

  public ReviewTask {
    checks = List.copyOf(checks);
  }
}
