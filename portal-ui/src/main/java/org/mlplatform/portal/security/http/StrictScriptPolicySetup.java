package org.mlplatform.portal.security.http;

import com.vaadin.flow.server.ServiceInitEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Adds {@link StrictScriptPolicy} to Vaadin's bootstrap page when the Vaadin service starts. */
@ApplicationScoped
public class StrictScriptPolicySetup {

  void onServiceInit(@Observes ServiceInitEvent event) {
    event.addIndexHtmlRequestListener(new StrictScriptPolicy());
  }
}
