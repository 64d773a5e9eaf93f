package org.mlplatform.serving.onnx;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Judges the {@code location} of a tensor whose data ONNX keeps in a separate file. ONNX Runtime
 * resolves it relative to the model's directory (or the working directory for a model loaded from
 * memory), so an absolute path or {@code ..} would read any file the platform can read.
 */
final class ExternalDataLocations {

  private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);

  private ExternalDataLocations() {}

  /** Why a location points outside the model's directory, or empty when it stays inside. */
  static Optional<String> escape(String location) {
    if (location.isEmpty()) {
      return Optional.of("it is empty");
    }
    if (location.indexOf('\0') >= 0) {
      return Optional.of("it contains a NUL character");
    }
    if (location.startsWith("/")) {
      return Optional.of("it is an absolute path");
    }
    if (location.indexOf('\\') >= 0) {
      return Optional.of("it contains a backslash");
    }
    if (DRIVE_LETTER.matcher(location).matches()) {
      return Optional.of("it names a drive");
    }
    if (location.contains("..")) {
      return Optional.of("it contains '..'");
    }
    return Optional.empty();
  }

  /** The location as it may appear in a message: control characters made visible, length cut. */
  static String printable(String location) {
    StringBuilder shown = new StringBuilder();
    location
        .codePoints()
        .limit(200)
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                shown.append(String.format("\\u%04x", c));
              } else {
                shown.appendCodePoint(c);
              }
            });
    return location.codePointCount(0, location.length()) > 200 ? shown + "..." : shown.toString();
  }
}
