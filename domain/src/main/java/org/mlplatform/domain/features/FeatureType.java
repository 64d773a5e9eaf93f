package org.mlplatform.domain.features;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The value types a feature (or join key) can have, and their canonical Java representation: {@code
 * Integer}, {@code Long}, {@code Float}, {@code Double}, {@code String}, {@code Boolean}, {@code
 * Instant}. Values coming from JSON or CSV are converted with {@link #coerce}, which refuses
 * anything lossy (12.5 is not an INT64; 2^40 is not an INT32).
 */
public enum FeatureType {
  INT32,
  INT64,
  FLOAT32,
  FLOAT64,
  STRING,
  BOOL,
  TIMESTAMP;

  /** The type with this name, case-insensitive. */
  public static Optional<FeatureType> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Whether values of this type can identify an entity. */
  public boolean isJoinKeyType() {
    return this == INT32 || this == INT64 || this == STRING;
  }

  public boolean isNumeric() {
    return this == INT32 || this == INT64 || this == FLOAT32 || this == FLOAT64;
  }

  /**
   * Converts a raw value (a JSON number, string or boolean, or CSV text) into this type's canonical
   * representation; {@code null} stays null.
   *
   * @throws IllegalArgumentException naming the expected type when the value does not fit
   */
  public Object coerce(Object raw) {
    if (raw == null) {
      return null;
    }
    try {
      return switch (this) {
        case INT32 -> exact(raw).intValueExact();
        case INT64 -> exact(raw).longValueExact();
        case FLOAT32 -> floatValue(raw);
        case FLOAT64 -> doubleValue(raw);
        case STRING -> raw instanceof String s ? s : refuse(raw);
        case BOOL -> booleanValue(raw);
        case TIMESTAMP -> instant(raw);
      };
    } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
      return refuse(raw);
    }
  }

  private Object refuse(Object raw) {
    String shown = String.valueOf(raw);
    if (shown.length() > 40) {
      shown = shown.substring(0, 40) + "...";
    }
    throw new IllegalArgumentException("expected " + name() + ", got '" + shown + "'");
  }

  private static BigDecimal exact(Object raw) {
    BigDecimal value =
        switch (raw) {
          case Integer i -> BigDecimal.valueOf(i);
          case Long l -> BigDecimal.valueOf(l);
          case BigDecimal b -> b;
          case Number n -> new BigDecimal(n.toString());
          case String s -> new BigDecimal(s.trim());
          default -> throw new NumberFormatException();
        };
    return value.stripTrailingZeros().scale() <= 0 ? value : failFraction();
  }

  private static BigDecimal failFraction() {
    throw new ArithmeticException("has a fraction");
  }

  private static double doubleValue(Object raw) {
    double d =
        switch (raw) {
          case Number n -> n.doubleValue();
          case String s -> Double.parseDouble(s.trim());
          default -> throw new NumberFormatException();
        };
    return d;
  }

  private static float floatValue(Object raw) {
    double d = doubleValue(raw);
    float f = (float) d;
    if (Float.isInfinite(f) && !Double.isInfinite(d)) {
      throw new ArithmeticException("out of FLOAT32 range");
    }
    return f;
  }

  private static Boolean booleanValue(Object raw) {
    return switch (raw) {
      case Boolean b -> b;
      case String s when s.equalsIgnoreCase("true") -> Boolean.TRUE;
      case String s when s.equalsIgnoreCase("false") -> Boolean.FALSE;
      default -> throw new NumberFormatException();
    };
  }

  private static Instant instant(Object raw) {
    return switch (raw) {
      case Instant i -> i;
      case String s -> OffsetDateTime.parse(s.trim()).toInstant();
      default -> throw new NumberFormatException();
    };
  }
}
