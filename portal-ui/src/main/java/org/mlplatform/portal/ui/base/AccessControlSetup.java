package org.mlplatform.portal.ui.base;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Turns on Vaadin's annotation-based view access control: a route opens only for the roles its
 * {@code @RolesAllowed} / {@code @PermitAll} names, and a route without either is closed.
 */
@ApplicationScoped
public class AccessControlSetup {

  void onServiceInit(@Observes ServiceInitEvent event) {
    NavigationAccessControl accessControl = new NavigationAccessControl();
    event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(accessControl));
  }
}
