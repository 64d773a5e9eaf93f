package org.mlplatform.portal.ui.base;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import jakarta.annotation.security.PermitAll;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.domain.security.Role;
import org.mlplatform.portal.ui.audit.AuditView;
import org.mlplatform.portal.ui.deployments.DeploymentsView;
import org.mlplatform.portal.ui.features.FeaturesView;
import org.mlplatform.portal.ui.home.HomeView;
import org.mlplatform.portal.ui.models.ModelsView;
import org.mlplatform.portal.ui.monitoring.MonitoringView;
import org.mlplatform.portal.ui.search.SearchView;
import org.mlplatform.portal.ui.tasks.TasksView;
import org.mlplatform.portal.ui.training.TrainingSetsView;

/** The shell around every page: navigation on the left, the user and logout at the top. */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

  public MainLayout() {
    PlatformUser user = CurrentUser.get();
    Span title = new Span("MLP");
    title.addClassName("app-title");
    addToNavbar(new DrawerToggle(), title, userBox(user));
    addToDrawer(navigation(user));
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

  private static HorizontalLayout userBox(PlatformUser user) {
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
    HorizontalLayout box = new HorizontalLayout(avatar, who, logout);
    box.addClassName("user-box");
    box.setAlignItems(HorizontalLayout.Alignment.CENTER);
    return box;
  }
}
