package org.mlplatform.portal.security;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The logins a browser session has in flight, by state. A page load fires several requests at once
 * (page, favicon, scripts), each of which may start a login; keeping a few avoids one overwriting
 * the other.
 */
final class PendingLogins implements Serializable {

  private static final String ATTRIBUTE = PendingLogins.class.getName();
  private static final int MAX = 8;

  private final LinkedHashMap<String, PendingLogin> byState =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PendingLogin> eldest) {
          return size() > MAX;
        }
      };

  static synchronized void add(HttpSession session, PendingLogin login) {
    PendingLogins logins = (PendingLogins) session.getAttribute(ATTRIBUTE);
    if (logins == null) {
      logins = new PendingLogins();
    }
    logins.byState.put(login.state(), login);
    session.setAttribute(ATTRIBUTE, logins);
  }

  /** Removes and returns the login with this state; each state can be used once. */
  static synchronized Optional<PendingLogin> take(HttpSession session, String state) {
    PendingLogins logins = (PendingLogins) session.getAttribute(ATTRIBUTE);
    if (logins == null || state == null) {
      return Optional.empty();
    }
    PendingLogin login = logins.byState.remove(state);
    session.setAttribute(ATTRIBUTE, logins);
    return Optional.ofNullable(login);
  }
}
