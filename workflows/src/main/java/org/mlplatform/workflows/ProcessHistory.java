package org.mlplatform.workflows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One process instance as Camunda's history records it: the steps in order, where it waits now, and
 * the variables people decide on.
 *
 * @param state ACTIVE, COMPLETED, or another Camunda history state
 * @param active the element ids it waits at now, for the diagram
 * @param variables the latest value of each variable, rendered as text
 */
public record ProcessHistory(
    String id,
    String definitionKey,
    String definitionName,
    String businessKey,
    String state,
    Instant started,
    Instant ended,
    List<Step> steps,
    Set<String> active,
    Map<String, String> variables) {

  /** One activity the process passed or waits at. */
  public record Step(
      String activityId,
      String name,
      String type,
      Instant started,
      Instant ended,
      String assignee) {}

  /** Element ids of the steps that finished, for the diagram. */
  public Set<String> completed() {
    return steps.stream()
        .filter(s -> s.ended() != null)
        .map(Step::activityId)
        .collect(java.util.stream.Collectors.toSet());
  }
}
