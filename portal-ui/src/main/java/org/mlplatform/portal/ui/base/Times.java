package org.mlplatform.portal.ui.base;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the portal writes moments: one UTC format everywhere, so times compare at a glance. */
public final class Times {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private Times() {}

  public static String format(Instant instant) {
    return instant == null ? "" : WHEN.format(instant);
  }
}
