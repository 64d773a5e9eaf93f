package org.mlplatform.portal.api;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * One line of the access matrix: an HTTP method (or {@code PAGE} for a portal route), a path
 * template, the body a caller sends, who may call it and what decides that.
 *
 * @param who {@value #PUBLIC} (no login), {@value #AUTHENTICATED} (any logged-in user), {@value
 *     #NOBODY}, or the admitted roles joined by commas
 * @param body {@code json}, {@code csv}, {@code multipart} or {@code -} for none
 */
record AccessRow(String method, String path, String body, String who, String decidedBy) {

  static final String PUBLIC = "public";
  static final String AUTHENTICATED = "authenticated";
  static final String NOBODY = "none";
  static final String PAGE = "PAGE";
  static final String NO_BODY = "-";

  private static final List<String> METHOD_ORDER =
      List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", PAGE);

  /** By path, then method, then body: the order of the file. */
  static final Comparator<AccessRow> ORDER =
      Comparator.comparing(AccessRow::path)
          .thenComparing(r -> METHOD_ORDER.indexOf(r.method()))
          .thenComparing(AccessRow::body);

  /** The roles in {@link ApiRoles#ANY}'s order, unknown names last; {@value #NOBODY} if none. */
  static String roles(Collection<String> roles) {
    List<String> known = Arrays.asList(ApiRoles.ANY);
    List<String> sorted =
        roles.stream()
            .distinct()
            .sorted(
                Comparator.comparing((String r) -> known.contains(r) ? known.indexOf(r) : 99)
                    .thenComparing(r -> r))
            .toList();
    return sorted.isEmpty() ? NOBODY : String.join(",", sorted);
  }

  String line() {
    return String.join("\t", method, path, body, who, decidedBy);
  }
}
