package org.mlplatform.portal.security.http;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Registers {@link HttpHardeningFilter} and sets the session cookie's flags at start-up.
 *
 * <p>The filter is registered here rather than with {@code @WebFilter} because its place in the
 * chain matters and annotations cannot state one: it must run before the bearer-token and portal
 * login filters, so that a preflight is answered without a token, a foreign Host gets its 421 and
 * an oversize body its 413 before anyone is asked to log in. A mapping added with {@code
 * isMatchAfter = false} goes before every declared (annotated) one.
 */
@WebListener
public class HttpHardeningSetup implements ServletContextListener {

  static final String FILTER_NAME = "httpHardening";

  @Override
  public void contextInitialized(ServletContextEvent event) {
    register(event.getServletContext(), HttpHardeningSettings.load(ConfigProvider.getConfig()));
  }

  static void register(ServletContext context, HttpHardeningSettings settings) {
    FilterRegistration.Dynamic filter =
        context.addFilter(FILTER_NAME, new HttpHardeningFilter(settings));
    if (filter == null) {
      throw new IllegalStateException("a filter named " + FILTER_NAME + " is already registered");
    }
    filter.setAsyncSupported(true); // Vaadin's servlet is asynchronous
    filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    SessionCookies.configure(context.getSessionCookieConfig(), settings.httpsPublicUrl());
  }
}
