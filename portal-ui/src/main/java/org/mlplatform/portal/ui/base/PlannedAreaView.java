package org.mlplatform.portal.ui.base;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * An area of the portal whose capability is not installed yet. It says so plainly rather than
 * showing made-up data.
 */
public abstract class PlannedAreaView extends VerticalLayout {

  protected PlannedAreaView(String area, VaadinIcon icon, String heading, String text) {
    addClassName("area-view");
    add(new H2(area), new EmptyState(icon, heading, text));
  }
}
