package org.mlplatform.domain.features.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.mlplatform.domain.features.FeatureType;

/**
 * Converts CSV text to canonical values exactly as {@link FeatureType#coerce} does, but without its
 * general parsers for the spellings almost every upload uses: plain integers, plain decimals and
 * {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|+HH:MM)} timestamps. Anything else (exponents, white
 * space, other timestamp forms, invalid text) goes to {@code coerce}, so results and error messages
 * are the same either way; only the time differs (the general parsers cost about a microsecond per
 * timestamp, most of an upload's parsing time).
 */
final class TextValues {

  /** Integers up to this many digits cannot overflow a long. */
  private static final int MAX_LONG_DIGITS = 18;

  /** Integers below this are exact as doubles. */
  private static final long EXACT_DOUBLE_LIMIT = 1L << 53;

  /** The powers of ten that are exact as doubles. */
  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = p;
      p *= 10;
    }
  }

  private TextValues() {}

  /**
   * The canonical value of {@code text} for {@code type}.
   *
   * @throws IllegalArgumentException as {@link FeatureType#coerce} does
   */
  static Object coerce(FeatureType type, String text) {
    Object fast =
        switch (type) {
          case INT64 -> parseLong(text);
          case INT32 -> parseInt(text);
          case FLOAT64 -> parseDouble(text);
          case FLOAT32 -> {
            Double d = parseDouble(text);
            yield d == null ? null : (float) (double) d;
          }
          case TIMESTAMP -> parseInstant(text);
          default -> null;
        };
    return fast != null ? fast : type.coerce(text);
  }

  /** An optionally signed run of at most 18 digits, or null for anything else. */
  static Long parseLong(String text) {
    int length = text.length();
    int i = 0;
    boolean negative = false;
    if (length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
      negative = text.charAt(0) == '-';
      i = 1;
    }
    int digits = length - i;
    if (digits < 1 || digits > MAX_LONG_DIGITS) {
      return null;
    }
    long value = 0;
    for (; i < length; i++) {
      int d = text.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return null;
      }
      value = value * 10 + d;
    }
    return negative ? -value : value;
  }

  private static Integer parseInt(String text) {
    Long value = parseLong(text);
    return value == null || value != (int) (long) value ? null : (int) (long) value;
  }

  /**
   * An optionally signed decimal ({@code 12}, {@code -0.25}) whose digits, read as one integer, are
   * exact as a double, with at most 22 digits after the point; null for anything else. Such a value
   * is that integer divided by an exact power of ten, and one IEEE division rounds correctly, so
   * the result is the double {@link Double#parseDouble} gives.
   */
  static Double parseDouble(String text) {
    int length = text.length();
    int i = 0;
    boolean negative = false;
    if (length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
      negative = text.charAt(0) == '-';
      i = 1;
    }
    long mantissa = 0;
    int digits = 0;
    int fractionDigits = -1; // -1: no point seen yet
    for (; i < length; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (++digits > MAX_LONG_DIGITS) {
          return null;
        }
        mantissa = mantissa * 10 + (c - '0');
        if (fractionDigits >= 0) {
          fractionDigits++;
        }
      } else if (c == '.' && fractionDigits < 0 && digits > 0) {
        fractionDigits = 0;
      } else {
        return null;
      }
    }
    if (digits == 0
        || fractionDigits == 0
        || mantissa >= EXACT_DOUBLE_LIMIT
        || fractionDigits >= POWERS_OF_TEN.length) {
      return null;
    }
    double value = fractionDigits > 0 ? mantissa / POWERS_OF_TEN[fractionDigits] : mantissa;
    return negative ? -value : value;
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ss}, an optional fraction of 1 to 9 digits, then {@code Z} or {@code
   * +HH:MM} / {@code -HH:MM} (hours below 18); null for anything else, including invalid dates,
   * which {@code coerce} then reports.
   */
  static Instant parseInstant(String text) {
    int length = text.length();
    if (length < 20
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if ((year | month | day | hour | minute | second) < 0
        || hour > 23
        || minute > 59
        || second > 59) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (text.charAt(i) == '.') {
      int start = ++i;
      while (i < length && i - start < 10 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        nanos = nanos * 10 + (text.charAt(i) - '0');
        i++;
      }
      int fractionDigits = i - start;
      if (fractionDigits < 1 || fractionDigits > 9) {
        return null;
      }
      for (int k = fractionDigits; k < 9; k++) {
        nanos *= 10;
      }
    }
    int offsetSeconds;
    if (i == length - 1 && text.charAt(i) == 'Z') {
      offsetSeconds = 0;
    } else if (i == length - 6
        && (text.charAt(i) == '+' || text.charAt(i) == '-')
        && text.charAt(i + 3) == ':') {
      int offsetHours = digits(text, i + 1, 2);
      int offsetMinutes = digits(text, i + 4, 2);
      if (offsetHours < 0 || offsetHours > 17 || offsetMinutes < 0 || offsetMinutes > 59) {
        return null;
      }
      offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (text.charAt(i) == '-' ? -1 : 1);
    } else {
      return null;
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return null; // no such day: let coerce word the error
    }
    long seconds = epochDay * 86_400 + hour * 3_600L + minute * 60L + second - offsetSeconds;
    return Instant.ofEpochSecond(seconds, nanos);
  }

  /** The value of {@code count} ASCII digits at {@code from}, or -1 when one is not a digit. */
  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      int d = text.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      value = value * 10 + d;
    }
    return value;
  }
}
