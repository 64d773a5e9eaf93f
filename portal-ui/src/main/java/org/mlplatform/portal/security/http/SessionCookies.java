package org.mlplatform.portal.security.http;

import jakarta.servlet.SessionCookieConfig;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.logging.Logger;

/**
 * The portal session cookie's flags: HttpOnly (no script reads it), SameSite=Lax (no cross-site
 * POST carries it) and Secure over HTTPS. Payara sets Secure by itself on HTTPS requests; a public
 * URL with https makes it unconditional, for TLS that ends at a proxy in front of the platform.
 */
final class SessionCookies {

  private static final Logger LOG = Logger.getLogger(SessionCookies.class.getName());
  static final String SAME_SITE = "Lax";

  private SessionCookies() {}

  static void configure(SessionCookieConfig cookie, boolean httpsPublicUrl) {
    cookie.setHttpOnly(true);
    if (httpsPublicUrl) {
      cookie.setSecure(true);
    }
    cookie.setAttribute("SameSite", SAME_SITE);
    payaraSameSite(cookie);
  }

  /**
   * Payara 7 writes the session cookie from its own SameSite setting and ignores the attributes of
   * Servlet 6's {@code SessionCookieConfig.setAttribute}; its setter is called when it is there.
   */
  private static void payaraSameSite(SessionCookieConfig cookie) {
    Method setter;
    try {
      setter = cookie.getClass().getMethod("setSameSite", String.class);
    } catch (NoSuchMethodException e) {
      return; // another container: the standard attribute above is what it reads
    }
    try {
      setter.invoke(cookie, SAME_SITE);
    } catch (IllegalAccessException | InvocationTargetException e) {
      LOG.warning("cannot set SameSite=" + SAME_SITE + " on the session cookie: " + e);
    }
  }
}
