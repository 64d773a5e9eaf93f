package org.mlplatform.portal.ui.base;

import com.vaadin.flow.server.VaadinSession;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.security.PortalLogin;

/** The logged-in user of the current Vaadin session, as the login filter stored it. */
public final class CurrentUser {

  private CurrentUser() {}

  public static PlatformUser get() {
    VaadinSession session = VaadinSession.getCurrent();
    Object login =
        session == null ? null : session.getSession().getAttribute(PortalLogin.SESSION_ATTRIBUTE);
    if (login instanceof PortalLogin portalLogin) {
      return portalLogin.user();
    }
    throw new IllegalStateException("no portal login in this session");
  }
}
