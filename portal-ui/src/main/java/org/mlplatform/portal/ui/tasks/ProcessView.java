package org.mlplatform.portal.ui.tasks;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.mlplatform.portal.boot.PlatformStartup;
import org.mlplatform.portal.ui.base.Times;
import org.mlplatform.workflows.ProcessHistory;
import org.mlplatform.workflows.PromotionVariables;
import org.mlplatform.workflows.WorkflowEngine;
import org.mlplatform.workflows.diagram.DiagramShape;
import org.mlplatform.workflows.diagram.ProcessDiagram;
import org.mlplatform.workflows.promotion.CheckResult;

/**
 * One promotion or rollback process: where it stands on its BPMN diagram, its steps as a timeline
 * from Camunda's history, the automated checks and the decisions taken.
 */
@Route("processes/:id")
@PageTitle("Process | MLP")
@PermitAll
@Dependent
public class ProcessView extends VerticalLayout implements BeforeEnterObserver {

  /** Variables people decide on, in the order they are shown. */
  private static final List<String> SHOWN =
      List.of(
          PromotionVariables.MODEL,
          PromotionVariables.VERSION,
          PromotionVariables.ALIAS,
          PromotionVariables.REQUESTED_BY,
          PromotionVariables.CANARY_PERCENT,
          PromotionVariables.OVERRIDE_JUSTIFICATION,
          PromotionVariables.REVIEW_DUE,
          PromotionVariables.DECISION,
          PromotionVariables.REVIEWER,
          PromotionVariables.COMMENT,
          PromotionVariables.CANARY_REASON,
          PromotionVariables.HEALTH_DETAIL,
          PromotionVariables.OUTCOME);

  private final PlatformStartup platform;

  @Inject
  public ProcessView(PlatformStartup platform) {
    this.platform = platform;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    String id = event.getRouteParameters().get("id").orElse("");
    WorkflowEngine engine = platform.workflows().orElse(null);
    ProcessHistory history = engine == null ? null : engine.histories().history(id).orElse(null);
    if (history == null) {
      event.rerouteToError(NotFoundException.class);
      return;
    }
    show(engine, history);
  }

  private void show(WorkflowEngine engine, ProcessHistory history) {
    removeAll();
    H2 title = new H2(history.definitionName() + " " + history.businessKey());
    title.setId("process-title");
    Span state = new Span(stateText(history));
    state.setId("process-state");
    state.getElement().getThemeList().add(history.ended() == null ? "badge" : "badge success");
    add(title, state);
    engine
        .histories()
        .diagram(history.id())
        .ifPresent(
            d ->
                add(
                    new ProcessDiagramView(
                        named(d, history), history.active(), history.completed())));
    add(new H3("Timeline"), timeline(history.steps()));
    List<CheckResult> checks =
        CheckResult.decode(history.variables().get(PromotionVariables.CHECKS));
    if (!checks.isEmpty()) {
      add(new H3("Automated checks"), CheckResultsGrid.of(checks));
    }
    add(new H3("Details"), details(history.variables()));
  }

  /** The diagram with the names steps had in this instance (a task's name is an expression). */
  private static ProcessDiagram named(ProcessDiagram diagram, ProcessHistory history) {
    Map<String, String> names = new java.util.HashMap<>();
    history.steps().stream()
        .filter(step -> step.name() != null)
        .forEach(step -> names.put(step.activityId(), step.name()));
    List<DiagramShape> shapes =
        diagram.shapes().stream()
            .map(
                shape ->
                    names.containsKey(shape.elementId())
                        ? new DiagramShape(
                            shape.elementId(),
                            shape.kind(),
                            names.get(shape.elementId()),
                            shape.x(),
                            shape.y(),
                            shape.width(),
                            shape.height())
                        : shape)
            .toList();
    return new ProcessDiagram(
        diagram.processKey(),
        diagram.processName(),
        diagram.width(),
        diagram.height(),
        shapes,
        diagram.edges());
  }

  private static String stateText(ProcessHistory history) {
    String outcome = history.variables().get(PromotionVariables.OUTCOME);
    if (history.ended() == null) {
      return "Running since "
          + Times.format(history.started())
          + ", waiting at "
          + history.active();
    }
    return "Ended "
        + Times.format(history.ended())
        + (outcome == null || outcome.isBlank() ? "" : ": " + outcome);
  }

  private static Grid<ProcessHistory.Step> timeline(List<ProcessHistory.Step> steps) {
    Grid<ProcessHistory.Step> grid = new Grid<>();
    grid.setId("process-timeline");
    grid.addColumn(s -> Times.format(s.started())).setHeader("Started").setAutoWidth(true);
    grid.addColumn(s -> s.name() == null ? s.activityId() : s.name())
        .setHeader("Step")
        .setFlexGrow(1);
    grid.addColumn(ProcessHistory.Step::type).setHeader("Kind").setAutoWidth(true);
    grid.addColumn(s -> s.assignee() == null ? "" : s.assignee())
        .setHeader("By")
        .setAutoWidth(true);
    grid.addColumn(ProcessView::took).setHeader("Took").setAutoWidth(true);
    grid.setItems(steps);
    grid.setAllRowsVisible(true);
    return grid;
  }

  private static String took(ProcessHistory.Step step) {
    if (step.ended() == null) {
      return "waiting";
    }
    Duration d = Duration.between(step.started(), step.ended());
    return d.toMillis() < 1_000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
  }

  private static VerticalLayout details(Map<String, String> variables) {
    VerticalLayout layout = new VerticalLayout();
    layout.setPadding(false);
    layout.setSpacing(false);
    for (String name : SHOWN) {
      String value = variables.get(name);
      if (value != null && !value.isBlank()) {
        Paragraph line = new Paragraph(name + ": " + value);
        line.setId("process-var-" + name);
        layout.add(line);
      }
    }
    return layout;
  }
}
