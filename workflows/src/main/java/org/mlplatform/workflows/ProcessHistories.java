package org.mlplatform.workflows;

import java.io.InputStream;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.mlplatform.workflows.retraining.RetrainingVariables;

/** What Camunda's history says of process instances, and the diagrams they run on. */
public final class ProcessHistories {

  private final ProcessEngine engine;

  ProcessHistories(ProcessEngine engine) {
    this.engine = engine;
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
}
