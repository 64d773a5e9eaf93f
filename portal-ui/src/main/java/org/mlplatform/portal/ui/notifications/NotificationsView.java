package org.mlplatform.portal.ui.notifications;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import org.mlplatform.domain.notifications.Notification;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.audit.AuditRecorder.Origin;
import org.mlplatform.portal.notifications.NotificationInbox;
import org.mlplatform.portal.ui.base.CurrentUser;
import org.mlplatform.portal.ui.base.EmptyState;
import org.mlplatform.portal.ui.base.Times;

/** The user's notifications and their roles', newest first, unread ones in bold. */
@Route("notifications")
@PageTitle("Notifications | MLP")
@PermitAll
@Dependent
public class NotificationsView extends VerticalLayout {

  static final int SHOWN = 200;

  private final NotificationInbox inbox;

  @Inject
  public NotificationsView(NotificationInbox inbox) {
    this.inbox = inbox;
    setSizeFull();
    show();
  }

  private void show() {
    removeAll();
    PlatformUser user = CurrentUser.get();
    List<Notification> notifications = inbox.inbox(user, false, SHOWN);
    long unread = inbox.unreadCount(user);
    Button markAll =
        new Button("Mark all read", VaadinIcon.CHECK_SQUARE_O.create(), e -> markAll());
    markAll.setId("notifications-mark-all-read");
    markAll.setEnabled(unread > 0);
    HorizontalLayout header = new HorizontalLayout(new H2("Notifications"), markAll);
    header.setAlignItems(Alignment.BASELINE);
    add(header);
    if (notifications.isEmpty()) {
      add(
          new EmptyState(
              VaadinIcon.BELL_O,
              "No notifications",
              "Decisions on your promotions and retraining runs, and requests for your roles,"
                  + " will appear here."));
    } else {
      add(new Paragraph(summary(notifications.size(), unread)), grid(notifications));
    }
    UI ui = UI.getCurrent();
    if (ui != null) {
      ComponentUtil.fireEvent(ui, new UnreadCountChanged(ui, unread));
    }
  }

  static String summary(int shown, long unread) {
    String count =
        shown < SHOWN
            ? shown + (shown == 1 ? " notification" : " notifications")
            : "The newest " + SHOWN + " notifications";
    return count + ", " + unread + " unread";
  }

  private Grid<Notification> grid(List<Notification> notifications) {
    Grid<Notification> grid = new Grid<>();
    grid.setId("notifications-grid");
    grid.addComponentColumn(NotificationsView::title)
        .setHeader("Title")
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(Notification::body)
        .setHeader("Message")
        .setFlexGrow(1)
        .setTooltipGenerator(Notification::body);
    grid.addComponentColumn(NotificationsView::link).setHeader("Link").setAutoWidth(true);
    grid.addColumn(n -> Times.format(n.createdAt())).setHeader("When").setAutoWidth(true);
    grid.addComponentColumn(this::readState).setHeader("").setAutoWidth(true);
    grid.setItems(notifications);
    return grid;
  }

  private static Span title(Notification n) {
    Span title = new Span(n.title());
    title.getElement().setAttribute("title", n.topic());
    if (!n.isRead()) {
      title.addClassName("notification-unread");
      title.getStyle().set("font-weight", "700");
    }
    return title;
  }

  /** The route as an in-portal link: the router navigates without reloading the page. */
  private static Span link(Notification n) {
    Span cell = new Span();
    n.link()
        .ifPresent(
            route -> {
              Anchor anchor = new Anchor(route, "Open");
              anchor.getElement().setAttribute("router-link", true);
              anchor.getElement().setAttribute("title", route);
              cell.add(anchor);
            });
    return cell;
  }

  private com.vaadin.flow.component.Component readState(Notification n) {
    if (n.isRead()) {
      Span read = new Span("Read");
      read.getElement().setAttribute("title", "Read " + Times.format(n.readAt().orElseThrow()));
      read.getStyle().set("opacity", "0.6");
      return read;
    }
    Button markRead = new Button("Mark read", e -> markRead(n));
    markRead.addThemeVariants(ButtonVariant.SMALL);
    markRead.setId("notification-read-" + n.id());
    return markRead;
  }

  private void markRead(Notification n) {
    inbox.markRead(n.id(), CurrentUser.get(), origin());
    show();
  }

  private void markAll() {
    inbox.markAllRead(CurrentUser.get(), origin());
    show();
  }

  private static Origin origin() {
    VaadinRequest request = VaadinRequest.getCurrent();
    return new Origin(null, request == null ? null : request.getRemoteAddr());
  }
}
