package org.mlplatform.portal.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.config.Config;

/** Positive ISO-8601 durations from MicroProfile Config, failing loudly on a bad value. */
public final class DurationSettings {

  private DurationSettings() {}

  /**
   * @throws IllegalStateException when the value is not a positive ISO-8601 duration
   */
  public static Duration read(Config config, String key, Duration fallback) {
    String text = config.getOptionalValue(key, String.class).orElse("").strip();
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      Duration value = Duration.parse(text);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalStateException(key + " must be a positive duration, got " + text);
      }
      return value;
    } catch (DateTimeParseException e) {
      throw new IllegalStateException(key + " is not an ISO-8601 duration: " + text, e);
    }
  }
}
