package org.mlplatform.portal.ui.base;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.Dependent;
import jakarta.servlet.http.HttpServletResponse;

/** A page the user's roles do not open: said inside the portal's shell, with a 403 status. */
@ParentLayout(MainLayout.class)
@PermitAll
@Dependent
public class AccessDeniedView extends VerticalLayout
    implements HasErrorParameter<AccessDeniedException> {

  @Override
  public int setErrorParameter(
      BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
    removeAll();
    add(
        new H2("Access denied"),
        new EmptyState(
            VaadinIcon.LOCK,
            "Your roles do not open this page",
            "You are signed in as "
                + CurrentUser.get().username()
                + ". Ask an administrator if you need this page."));
    return HttpServletResponse.SC_FORBIDDEN;
  }
}
