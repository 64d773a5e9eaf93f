package org.mlplatform.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it is sane, else a new one),
 * echoed in the response header, error bodies and audit records.
 */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";
  private static final String ATTRIBUTE = RequestIds.class.getName();
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private RequestIds() {}

  /** The request's id, assigning one (and the response header) the first time. */
  public static String assign(HttpServletRequest request, HttpServletResponse response) {
    String id = (String) request.getAttribute(ATTRIBUTE);
    if (id == null) {
      String offered = request.getHeader(HEADER);
      id = offered != null && SANE.matcher(offered).matches() ? offered : fastRandomId();
      request.setAttribute(ATTRIBUTE, id);
      response.setHeader(HEADER, id);
    }
    return id;
  }

  /** The caller's id when it is sane (letters, digits, {@code ._-}, at most 64), else a new one. */
  public static String offeredOrNew(String offered) {
    return offered != null && SANE.matcher(offered).matches() ? offered : fastRandomId();
  }

  /**
   * A random version-4 UUID without SecureRandom: request ids correlate log lines, they guard
   * nothing, and SecureRandom's shared lock showed up under concurrent load.
   */
  private static String fastRandomId() {
    java.util.concurrent.ThreadLocalRandom random =
        java.util.concurrent.ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  /** The id assigned to this request, or null outside a filtered request. */
  public static String of(HttpServletRequest request) {
    return (String) request.getAttribute(ATTRIBUTE);
  }
}
