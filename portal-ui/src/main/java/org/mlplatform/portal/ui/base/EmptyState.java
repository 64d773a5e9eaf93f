package org.mlplatform.portal.ui.base;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;

/** What a page shows when it has nothing to show: an icon, a title and one honest sentence. */
public class EmptyState extends Div {

  public EmptyState(VaadinIcon icon, String title, String text) {
    addClassName("empty-state");
    add(icon.create(), new H3(title), new Paragraph(text));
  }
}
