package org.mlplatform.portal.ui.tasks;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import org.mlplatform.portal.ui.base.Times;
import org.mlplatform.workflows.ProcessHistory;
import org.mlplatform.workflows.PromotionVariables;

/** A model's promotions and rollbacks, newest first, each linking to its timeline and diagram. */
public final class ProcessListGrid {

  private ProcessListGrid() {}

  public static Grid<ProcessHistory> of(List<ProcessHistory> processes) {
    Grid<ProcessHistory> grid = new Grid<>();
    grid.setId("model-processes");
    grid.addColumn(p -> Times.format(p.started())).setHeader("Started").setAutoWidth(true);
    grid.addComponentColumn(
            p ->
                new RouterLink(
                    p.definitionName() + " " + p.businessKey(),
                    ProcessView.class,
                    new RouteParameters("id", p.id())))
        .setHeader("Process")
        .setFlexGrow(1);
    grid.addColumn(p -> p.variables().getOrDefault(PromotionVariables.REQUESTED_BY, ""))
        .setHeader("Asked by")
        .setAutoWidth(true);
    grid.addColumn(ProcessListGrid::state).setHeader("State").setAutoWidth(true);
    grid.setItems(processes);
    grid.setAllRowsVisible(true);
    return grid;
  }

  private static String state(ProcessHistory process) {
    String outcome = process.variables().getOrDefault(PromotionVariables.OUTCOME, "");
    if (process.ended() == null) {
      return "running: " + String.join(", ", process.active());
    }
    return outcome.isBlank() ? "ended" : outcome;
  }
}
