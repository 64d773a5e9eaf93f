package org.mlplatform.portal.cluster;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;

/**
 * Registers {@link NodeCookieFilter} on clustered nodes only, before every annotated filter (as
 * {@code HttpHardeningSetup} does for its own): an annotation cannot place a filter ahead of the
 * portal login's, which answers a first visit with a redirect and no further filter.
 */
@WebListener
public class NodeCookieSetup implements ServletContextListener {

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ClusterSettings settings = new ClusterSettings();
    if (!settings.clustered()) {
      return;
    }
    FilterRegistration.Dynamic filter =
        event
            .getServletContext()
            .addFilter("nodeCookie", new NodeCookieFilter(settings.nodeName()));
    filter.setAsyncSupported(true); // Vaadin's servlet is asynchronous
    filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
  }
}
