package org.mlplatform.portal.ui.tasks;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.mlplatform.portal.boot.PlatformStartup;
import org.mlplatform.portal.ui.base.CurrentUser;
import org.mlplatform.portal.ui.base.EmptyState;
import org.mlplatform.workflows.ReviewTask;

/** The inbox of open workflow tasks that the user's roles may work, read from the engine. */
@Route("tasks")
@PageTitle("Tasks | MLP")
@PermitAll
@Dependent
public class TasksView extends VerticalLayout {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  @Inject
  public TasksView(PlatformStartup platform) {
    add(new H2("Tasks"));
    List<ReviewTask> tasks =
        platform
            .workflows()
            .map(w -> w.openTasksForGroups(CurrentUser.get().roleNames()))
            .orElse(null);
    if (tasks == null) {
      add(
          new EmptyState(
              VaadinIcon.HOURGLASS,
              "The workflow engine is still starting",
              "Reload this page in a few seconds."));
    } else if (tasks.isEmpty()) {
      add(
          new EmptyState(
              VaadinIcon.CHECK_CIRCLE,
              "No open tasks for your roles",
              "Promotion reviews and other approvals assigned to your roles will appear here."));
    } else {
      add(taskGrid(tasks));
    }
  }

  private static Grid<ReviewTask> taskGrid(List<ReviewTask> tasks) {
    Grid<ReviewTask> grid = new Grid<>();
    grid.setId("task-grid");
    grid.addColumn(ReviewTask::name).setHeader("Task").setFlexGrow(1);
    grid.addColumn(ReviewTask::model).setHeader("Model").setAutoWidth(true);
    grid.addColumn(ReviewTask::version).setHeader("Version").setAutoWidth(true);
    grid.addColumn(ReviewTask::requestedBy).setHeader("Requested by").setAutoWidth(true);
    grid.addColumn(t -> WHEN.format(t.created())).setHeader("Created").setAutoWidth(true);
    grid.setItems(tasks);
    return grid;
  }
}
