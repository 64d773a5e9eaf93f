package org.mlplatform.portal.ui.base;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.domain.security.Role;
import org.mlplatform.portal.notifications.NotificationInbox;
import org.mlplatform.portal.search.CatalogSearch;
import org.mlplatform.portal.ui.audit.AuditView;
import org.mlplatform.portal.ui.deployments.DeploymentsView;
import org.mlplatform.portal.ui.features.FeaturesView;
import org.mlplatform.portal.ui.home.HomeView;
import org.mlplatform.portal.ui.models.ModelsView;
import org.mlplatform.portal.ui.monitoring.MonitoringView;
import org.mlplatform.portal.ui.notifications.NotificationsView;
import org.mlplatform.portal.ui.notifications.UnreadCountChanged;
import org.mlplatform.portal.ui.search.HeaderSearch;
import org.mlplatform.portal.ui.search.SearchView;
import org.mlplatform.portal.ui.tasks.TasksView;
import org.mlplatform.portal.ui.training.TrainingSetsView;

/**
 * The shell around every page: navigation on the left; at the top the catalogue search box, the
 * notifications bell with the unread count (refreshed on every navigation and when a page changes
 * it), the user and logout.
 */
@Layout
@PermitAll
@Dependent
public class MainLayout extends AppLayout implements AfterNavigationObserver {

  private static final Logger LOG = Logger.getLogger(MainLayout.class.getName());

  private final NotificationInbox notifications;
  private final Badge unread = new Badge();
  private final RouterLink bell = new RouterLink(NotificationsView.class);
  private Registration unreadListener;

  @Inject
  public MainLayout(NotificationInbox notifications, CatalogSearch search) {
    this.notifications = notifications;
    PlatformUser user = CurrentUser.get();
    Span title = new Span("MLP");
    title.addClassName("app-title");
    addToNavbar(
        new DrawerToggle(),
        title,
        new HeaderSearch(search::suggest),
        userBox(user, notificationsLink()));
    addToDrawer(navigation(user));
  }

  /** The bell: a link to the notifications page with the unread count as a badge. */
  private RouterLink notificationsLink() {
    Icon icon = VaadinIcon.BELL.create();
    unread.setId("notifications-unread");
    unread.addThemeVariants(BadgeVariant.ERROR, BadgeVariant.FILLED, BadgeVariant.SMALL);
    bell.setId("notifications-link");
    bell.add(icon, unread);
    bell.getStyle().set("display", "inline-flex").set("align-items", "center").set("gap", "0.2rem");
    showUnread(0);
    return bell;
  }

  @Override
  public void afterNavigation(AfterNavigationEvent event) {
    try {
      showUnread(notifications.unreadCount(CurrentUser.get()));
    } catch (RuntimeException e) { // a count is not worth a broken page
      LOG.log(Level.WARNING, "unread notifications could not be counted", e);
    }
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    unreadListener =
        ComponentUtil.addListener(
            event.getUI(), UnreadCountChanged.class, e -> showUnread(e.unread()));
  }

  @Override
  protected void onDetach(DetachEvent event) {
    if (unreadListener != null) {
      unreadListener.remove();
      unreadListener = null;
    }
    super.onDetach(event);
  }

  private void showUnread(long count) {
    unread.setText(count > 99 ? "99+" : Long.toString(count));
    unread.setVisible(count > 0);
    bell.getElement()
        .setAttribute("aria-label", "Notifications" + (count > 0 ? ", " + count + " unread" : ""));
    bell.getElement().setAttribute("title", count + " unread notifications");
  }

  private static SideNav navigation(PlatformUser user) {
    SideNav nav = new SideNav();
    nav.addItem(new SideNavItem("Home", HomeView.class, VaadinIcon.HOME.create()));
    nav.addItem(new SideNavItem("Features", FeaturesView.class, VaadinIcon.TABLE.create()));
    nav.addItem(
        new SideNavItem("Training sets", TrainingSetsView.class, VaadinIcon.FILE_TABLE.create()));
    nav.addItem(new SideNavItem("Models", ModelsView.class, VaadinIcon.CUBES.create()));
    nav.addItem(new SideNavItem("Deployments", DeploymentsView.class, VaadinIcon.ROCKET.create()));
    nav.addItem(new SideNavItem("Monitoring", MonitoringView.class, VaadinIcon.CHART.create()));
    nav.addItem(new SideNavItem("Tasks", TasksView.class, VaadinIcon.TASKS.create()));
    nav.addItem(new SideNavItem("Search", SearchView.class, VaadinIcon.SEARCH.create()));
    if (user.hasRole(Role.ADMIN)) {
      nav.addItem(new SideNavItem("Audit", AuditView.class, VaadinIcon.RECORDS.create()));
    }
    return nav;
  }

  private static HorizontalLayout userBox(PlatformUser user, RouterLink bell) {
    Avatar avatar = new Avatar(user.displayName());
    Div who = new Div();
    Span name = new Span(user.displayName());
    name.setId("current-user-name");
    Span roles = new Span(String.join(", ", user.roleNames()));
    roles.setId("current-user-roles");
    roles.addClassName("user-roles");
    who.add(name, roles);
    who.addClassName("user-box-text");
    Anchor logout = new Anchor("/logout", "Log out");
    logout.setId("logout");
    logout.setRouterIgnore(true);
    HorizontalLayout box = new HorizontalLayout(bell, avatar, who, logout);
    box.addClassName("user-box");
    box.setAlignItems(HorizontalLayout.Alignment.CENTER);
    return box;
  }
}
