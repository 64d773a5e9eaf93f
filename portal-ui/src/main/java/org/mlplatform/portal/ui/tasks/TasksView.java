package org.mlplatform.portal.ui.tasks;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.mlplatform.domain.security.Role;
import org.mlplatform.portal.audit.AuditRecorder.Origin;
import org.mlplatform.portal.boot.PlatformStartup;
import org.mlplatform.portal.models.ModelPromotions;
import org.mlplatform.portal.ui.base.CurrentUser;
import org.mlplatform.portal.ui.base.EmptyState;
import org.mlplatform.portal.ui.models.ModelVersionView;
import org.mlplatform.workflows.ReviewTask;

/** The inbox of open workflow tasks that the user's roles may work, read from the engine. */
@Route("tasks")
@PageTitle("Tasks | MLP")
@PermitAll
@Dependent
public class TasksView extends VerticalLayout {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private final PlatformStartup platform;
  private final ModelPromotions promotions;

  @Inject
  public TasksView(PlatformStartup platform, ModelPromotions promotions) {
    this.platform = platform;
    this.promotions = promotions;
    show();
  }

  private void show() {
    removeAll();
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

  private Grid<ReviewTask> taskGrid(List<ReviewTask> tasks) {
    Grid<ReviewTask> grid = new Grid<>();
    grid.setId("task-grid");
    grid.addColumn(ReviewTask::name)
        .setHeader("Task")
        .setFlexGrow(1)
        .setTooltipGenerator(ReviewTask::name);
    // The candidate's page: its metrics, lineage and card, and a comparison with the champion.
    grid.addComponentColumn(
            t ->
                t.model() == null || t.version() == null
                    ? new Span(String.valueOf(t.model()))
                    : new RouterLink(
                        t.model() + " v" + t.version(),
                        ModelVersionView.class,
                        ModelVersionView.parameters(t.model(), t.version())))
        .setHeader("Candidate")
        .setAutoWidth(true);
    grid.addColumn(ReviewTask::requestedBy).setHeader("Requested by").setAutoWidth(true);
    grid.addColumn(t -> WHEN.format(t.created())).setHeader("Created").setAutoWidth(true);
    if (CurrentUser.get().hasRole(Role.REVIEWER) || CurrentUser.get().hasRole(Role.ADMIN)) {
      grid.addComponentColumn(this::decision).setHeader("Decision").setAutoWidth(true);
    }
    grid.setItems(tasks);
    return grid;
  }

  /** Approve or reject with a comment; the server refuses a requester's own review. */
  private HorizontalLayout decision(ReviewTask task) {
    TextField comment = new TextField();
    comment.setPlaceholder("Comment");
    comment.setId("task-comment-" + task.id());
    Button approve = new Button("Approve", e -> decide(task, true, comment.getValue()));
    approve.setId("task-approve-" + task.id());
    Button reject = new Button("Reject", e -> decide(task, false, comment.getValue()));
    reject.setId("task-reject-" + task.id());
    return new HorizontalLayout(comment, approve, reject);
  }

  private void decide(ReviewTask task, boolean approve, String comment) {
    VaadinRequest request = VaadinRequest.getCurrent();
    try {
      promotions.decide(
          task.id(),
          approve,
          comment,
          CurrentUser.get(),
          new Origin(null, request == null ? null : request.getRemoteAddr()));
      Notification.show((approve ? "Approved: " : "Rejected: ") + task.name());
      show();
    } catch (RuntimeException e) { // four eyes, a task completed meanwhile: say why
      Notification.show("Refused: " + e.getMessage());
    }
  }
}
