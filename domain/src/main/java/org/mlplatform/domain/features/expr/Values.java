package org.mlplatform.domain.features.expr;

import java.time.Instant;

/** Small conversions shared by the operators and functions; values are never null here. */
final class Values {

  private Values() {}

  static long asLong(Object value) {
    return (Long) value;
  }

  static double asDouble(Object value) {
    return ((Number) value).doubleValue();
  }

  static boolean asBoolean(Object value) {
    return (Boolean) value;
  }

  static String asString(Object value) {
    return (String) value;
  }

  static Instant asInstant(Object value) {
    return (Instant) value;
  }

  /** The text used when a value is concatenated: Java's own rendering, ISO-8601 for instants. */
  static String text(Object value) {
    return String.valueOf(value);
  }

  /**
   * Orders two values of one type. Numbers compare exactly when both are integers and as doubles
   * otherwise, with {@code -0.0} equal to {@code 0.0}.
   */
  static int compare(Object a, Object b) {
    return switch (a) {
      case Long x when b instanceof Long y -> Long.compare(x, y);
      case Number x -> compareReals(x.doubleValue(), asDouble(b));
      case String x -> x.compareTo(asString(b));
      case Instant x -> x.compareTo(asInstant(b));
      case Boolean x -> Boolean.compare(x, asBoolean(b));
      default -> throw new IllegalArgumentException("cannot compare " + a.getClass());
    };
  }

  private static int compareReals(double x, double y) {
    return x < y ? -1 : x > y ? 1 : 0;
  }
}
