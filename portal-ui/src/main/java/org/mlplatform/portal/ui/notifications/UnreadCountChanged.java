package org.mlplatform.portal.ui.notifications;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.UI;

/**
 * Fired on the UI when the user's unread count changed in this browser tab, so the header's badge
 * shows it without a reload.
 */
public class UnreadCountChanged extends ComponentEvent<UI> {

  private final long unread;

  public UnreadCountChanged(UI source, long unread) {
    super(source, false);
    this.unread = unread;
  }

  public long unread() {
    return unread;
  }
}
