package org.mlplatform.portal.ui.home;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.mlplatform.domain.platform.Component;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.boot.ComponentStates;
import org.mlplatform.portal.ui.base.CurrentUser;

/** Landing page: a greeting with the user's roles and the live state of each platform component. */
@Route("")
@PageTitle("Home | MLP")
@PermitAll
@Dependent
public class HomeView extends VerticalLayout {

  /** One row of the component table. */
  record ComponentRow(String component, String state, String detail) {}

  @Inject
  public HomeView(ComponentStates readiness) {
    PlatformUser user = CurrentUser.get();
    H2 greeting = new H2("Welcome, " + user.displayName());
    greeting.setId("welcome");
    HorizontalLayout roles = new HorizontalLayout();
    user.roleNames().forEach(r -> roles.add(badge(r)));
    if (user.roleNames().isEmpty()) {
      roles.add(new Paragraph("You have no platform role yet: ask an administrator for one."));
    }
    add(greeting, roles, new H3("Platform components"), componentGrid(readiness));
  }

  private static Span badge(String role) {
    Span badge = new Span(role);
    badge.addClassName("role-badge");
    return badge;
  }

  private static Grid<ComponentRow> componentGrid(ComponentStates readiness) {
    List<ComponentRow> rows =
        readiness.now().entrySet().stream()
            .map(
                e ->
                    new ComponentRow(
                        label(e.getKey()),
                        e.getValue().state().name(),
                        e.getValue().detail() == null ? "" : e.getValue().detail()))
            .toList();
    Grid<ComponentRow> grid = new Grid<>();
    grid.setId("component-status");
    grid.addColumn(ComponentRow::component).setHeader("Component").setAutoWidth(true);
    grid.addColumn(ComponentRow::state).setHeader("State").setAutoWidth(true);
    grid.addColumn(ComponentRow::detail).setHeader("Detail").setFlexGrow(1);
    grid.setItems(rows);
    grid.setAllRowsVisible(true);
    return grid;
  }

  private static String label(Component component) {
    String words = component.name().replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
