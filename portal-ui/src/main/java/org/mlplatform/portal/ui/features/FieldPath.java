package org.mlplatform.portal.ui.features;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A field path as the REST API reports it in validation errors ({@code name}, {@code entities[0]},
 * {@code features[2].type}), taken apart so a form can find the input it refers to.
 *
 * @param root the top-level property, e.g. {@code features}
 * @param index the list position, or -1 when the path names the whole property
 * @param leaf the property inside the list element, or {@code ""}
 */
record FieldPath(String root, int index, String leaf) {

  private static final Pattern SHAPE =
      Pattern.compile(
          "([A-Za-z_][A-Za-z0-9_]*)(?:\\[(\\d{1,9})])?(?:\\.([A-Za-z_][A-Za-z0-9_]*))?");

  static Optional<FieldPath> parse(String path) {
    if (path == null) {
      return Optional.empty();
    }
    Matcher m = SHAPE.matcher(path.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new FieldPath(
            m.group(1),
            m.group(2) == null ? -1 : Integer.parseInt(m.group(2)),
            m.group(3) == null ? "" : m.group(3)));
  }

  boolean indexed() {
    return index >= 0;
  }
}
