package org.mlplatform.portal.ui.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalDouble;

/** How the monitoring pages write numbers, shares, latencies, windows and chart times. */
final class MonitoringText {

  /** Shown where there is no value. */
  static final String NONE = "—";

  private static final DateTimeFormatter CHART_TIME =
      DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter CHART_SECOND =
      DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private MonitoringText() {}

  /** Four significant digits without trailing zeros; scientific for very large or small values. */
  static String number(double value) {
    if (!Double.isFinite(value)) {
      return NONE;
    }
    double magnitude = Math.abs(value);
    if (magnitude != 0 && (magnitude >= 1e6 || magnitude < 1e-3)) {
      return String.format(Locale.ROOT, "%.2e", value);
    }
    String text = String.format(Locale.ROOT, "%.4g", value);
    return text.contains(".") ? text.replaceAll("\\.?0+$", "") : text;
  }

  static String number(OptionalDouble value) {
    return value.isPresent() ? number(value.getAsDouble()) : NONE;
  }

  /** A share of rows as a percentage: {@code 12.5 %}, {@code 0 %}, {@code <0.1 %}. */
  static String share(double value) {
    if (!Double.isFinite(value)) {
      return NONE;
    }
    double percent = value * 100;
    if (percent == 0) {
      return "0 %";
    }
    if (percent < 0.1) {
      return "<0.1 %";
    }
    return String.format(Locale.ROOT, "%.1f %%", percent);
  }

  static String share(OptionalDouble value) {
    return value.isPresent() ? share(value.getAsDouble()) : NONE;
  }

  /** A latency given in microseconds, in milliseconds. */
  static String millis(double micros) {
    return number(micros / 1_000.0) + " ms";
  }

  /** A count with thousands separators: {@code 12,345}. */
  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** A window's length in the largest whole unit: {@code 30 min}, {@code 24 h}, {@code 7 days}. */
  static String window(Duration length) {
    if (length.toDays() >= 2 && length.toHours() % 24 == 0) {
      return length.toDays() + " days";
    }
    if (length.toHours() >= 1 && length.toMinutes() % 60 == 0) {
      return length.toHours() + " h";
    }
    if (length.toMinutes() >= 1 && length.toSeconds() % 60 == 0) {
      return length.toMinutes() + " min";
    }
    return length.toSeconds() + " s";
  }

  /** A chart's x-axis label (UTC, to the minute). */
  static String chartTime(Instant instant) {
    return CHART_TIME.format(instant);
  }

  /** A chart's x-axis label to the second, for points that may be close together. */
  static String chartSecond(Instant instant) {
    return CHART_SECOND.format(instant);
  }

  /** {@code text} as a sentence: capitalised, ending with a full stop. */
  static String sentence(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return trimmed;
    }
    String capital = Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
    return capital.endsWith(".") || capital.endsWith("!") || capital.endsWith("?")
        ? capital
        : capital + ".";
  }

  /** Where ground truth goes, for the empty performance table. */
  static String feedbackHint(String model) {
    return "Ground truth is sent with POST /api/v1/models/" + model + "/feedback";
  }
}
