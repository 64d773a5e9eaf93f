package org.mlplatform.portal.ui.base;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.Dependent;
import jakarta.servlet.http.HttpServletResponse;

/** An unknown portal address, shown inside the shell so the navigation stays at hand. */
@ParentLayout(MainLayout.class)
@PermitAll
@Dependent
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

  @Override
  public int setErrorParameter(
      BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
    removeAll();
    add(
        new H2("Page not found"),
        new EmptyState(
            VaadinIcon.QUESTION_CIRCLE,
            "There is no page at /" + event.getLocation().getPath(),
            "Use the navigation on the left to find your way."));
    return HttpServletResponse.SC_NOT_FOUND;
  }
}
