package org.mlplatform.portal.ui.tasks;

import static org.mlplatform.workflows.EngineConflicts.retried;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.audit.AuditRecorder.Origin;
import org.mlplatform.portal.boot.PlatformStartup;
import org.mlplatform.portal.models.ModelPromotions;
import org.mlplatform.portal.models.ModelStore;
import org.mlplatform.portal.ui.base.CurrentUser;
import org.mlplatform.portal.ui.base.EmptyState;
import org.mlplatform.portal.ui.base.Times;
import org.mlplatform.portal.ui.models.ModelVersionView;
import org.mlplatform.workflows.ReviewTask;

/**
 * The inbox: open tasks assigned to the user or offered to their roles, read from the engine. The
 * selected task opens below the list with everything a reviewer weighs and the decision buttons.
 */
@Route("tasks")
@PageTitle("Tasks | MLP")
@PermitAll
@Dependent
public class TasksView extends VerticalLayout implements ReviewPanel.Actions, BeforeEnterObserver {

  private final PlatformStartup platform;
  private final ModelPromotions promotions;
  private final ModelStore models;
  private String selected;

  @Inject
  public TasksView(PlatformStartup platform, ModelPromotions promotions, ModelStore models) {
    this.platform = platform;
    this.promotions = promotions;
    this.models = models;
  }

  /** {@code tasks?task=<id>} opens that task, as links in notifications do. */
  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    selected = event.getLocation().getQueryParameters().getSingleParameter("task").orElse(selected);
    show();
  }

  private void show() {
    removeAll();
    add(new H2("Tasks"));
    PlatformUser user = CurrentUser.get();
    List<ReviewTask> tasks =
        platform
            .workflows()
            .map(w -> w.inbox().openTasks(user.username(), user.roleNames()))
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
              "No open tasks for you or your roles",
              "Promotion reviews assigned to you or your roles will appear here."));
    } else {
      Grid<ReviewTask> grid = taskGrid(tasks);
      add(grid);
      ReviewTask open =
          tasks.stream().filter(t -> t.id().equals(selected)).findFirst().orElse(tasks.getFirst());
      grid.select(open);
      add(new ReviewPanel(open, models, this));
    }
  }

  private Grid<ReviewTask> taskGrid(List<ReviewTask> tasks) {
    Grid<ReviewTask> grid = new Grid<>();
    grid.setId("task-grid");
    grid.addColumn(ReviewTask::name)
        .setHeader("Task")
        .setFlexGrow(1)
        .setTooltipGenerator(ReviewTask::name);
    grid.addComponentColumn(
            t ->
                new RouterLink(
                    t.model() + " v" + t.version(),
                    ModelVersionView.class,
                    ModelVersionView.parameters(t.model(), t.version())))
        .setHeader("Candidate")
        .setAutoWidth(true);
    grid.addColumn(ReviewTask::requestedBy).setHeader("Requested by").setAutoWidth(true);
    grid.addComponentColumn(TasksView::due).setHeader("Due").setAutoWidth(true);
    grid.addColumn(t -> t.assignee() == null ? "" : t.assignee())
        .setHeader("Claimed by")
        .setAutoWidth(true);
    grid.addComponentColumn(TasksView::checks).setHeader("Checks").setAutoWidth(true);
    grid.setItems(tasks);
    grid.setAllRowsVisible(true);
    grid.addSelectionListener(
        e ->
            e.getFirstSelectedItem()
                .filter(t -> !t.id().equals(selected))
                .ifPresent(
                    t -> {
                      selected = t.id();
                      show();
                    }));
    return grid;
  }

  private static Span due(ReviewTask task) {
    if (task.due() == null) {
      return new Span();
    }
    Span due = new Span(Times.format(task.due()));
    if (task.due().isBefore(Instant.now())) {
      due.getElement().getThemeList().add("badge error");
      due.setTitle("Overdue");
    }
    return due;
  }

  private static Span checks(ReviewTask task) {
    long failed = task.checks().stream().filter(c -> c.failed()).count();
    Span badge = new Span(failed == 0 ? "passed" : failed + " failed, overridden");
    badge.getElement().getThemeList().add(failed == 0 ? "badge success" : "badge error");
    return badge;
  }

  @Override
  public void claim(ReviewTask task) {
    run(() -> retried(() -> promotions.claim(task.id(), CurrentUser.get(), origin())), "Claimed");
  }

  @Override
  public void unclaim(ReviewTask task) {
    run(
        () -> retried(() -> promotions.unclaim(task.id(), CurrentUser.get(), origin())),
        "Given back to the group");
    selected = task.id();
  }

  @Override
  public void decide(ReviewTask task, boolean approve, String comment) {
    run(
        () ->
            retried(
                () -> promotions.decide(task.id(), approve, comment, CurrentUser.get(), origin())),
        approve ? "Approved" : "Rejected");
  }

  /** Runs an action and refreshes; a refusal (four eyes, a claim, no comment) says why. */
  private void run(Runnable action, String done) {
    try {
      action.run();
      // Top right: at the bottom it would cover the decision buttons.
      Notification.show(done, 3_000, Notification.Position.TOP_END);
      show();
    } catch (RuntimeException e) {
      Notification.show("Refused: " + e.getMessage(), 6_000, Notification.Position.TOP_END);
    }
  }

  private static Origin origin() {
    VaadinRequest request = VaadinRequest.getCurrent();
    return new Origin(null, request == null ? null : request.getRemoteAddr());
  }
}
