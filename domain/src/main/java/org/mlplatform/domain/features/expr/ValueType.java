package org.mlplatform.domain.features.expr;

import java.time.Instant;
import java.util.Optional;
import org.mlplatform.domain.features.FeatureType;

/**
 * The types values have while an expression runs. Narrower than {@link FeatureType} because all
 * integers compute as 64-bit and all floating-point numbers as doubles; {@code NULL} is the type of
 * the {@code null} literal, which fits wherever any type is expected.
 */
enum ValueType {
  INT64,
  FLOAT64,
  BOOL,
  STRING,
  TIMESTAMP,
  NULL;

  static ValueType of(FeatureType type) {
    return switch (type) {
      case INT32, INT64 -> INT64;
      case FLOAT32, FLOAT64 -> FLOAT64;
      case BOOL -> BOOL;
      case STRING -> STRING;
      case TIMESTAMP -> TIMESTAMP;
    };
  }

  /** The type of a literal value. */
  static ValueType ofLiteral(Object value) {
    return switch (value) {
      case null -> NULL;
      case Long _ -> INT64;
      case Double _ -> FLOAT64;
      case Boolean _ -> BOOL;
      case String _ -> STRING;
      case Instant _ -> TIMESTAMP;
      default -> throw new IllegalArgumentException("not a literal: " + value.getClass());
    };
  }

  /** The public type of results of this type; empty for {@code NULL}, which has none. */
  Optional<FeatureType> featureType() {
    return switch (this) {
      case INT64 -> Optional.of(FeatureType.INT64);
      case FLOAT64 -> Optional.of(FeatureType.FLOAT64);
      case BOOL -> Optional.of(FeatureType.BOOL);
      case STRING -> Optional.of(FeatureType.STRING);
      case TIMESTAMP -> Optional.of(FeatureType.TIMESTAMP);
      case NULL -> Optional.empty();
    };
  }

  boolean isNumber() {
    return this == INT64 || this == FLOAT64;
  }

  /**
   * The type that can hold values of both types: itself when equal, the other when one is {@code
   * NULL}, and FLOAT64 when an integer meets a float. Empty when they cannot mix.
   */
  static Optional<ValueType> common(ValueType a, ValueType b) {
    if (a == b || b == NULL) {
      return Optional.of(a);
    }
    if (a == NULL) {
      return Optional.of(b);
    }
    return a.isNumber() && b.isNumber() ? Optional.of(FLOAT64) : Optional.empty();
  }

  /**
   * Brings a computed value to this type's canonical form: integers as {@code Long}, floats as a
   * finite {@code Double} (NaN and infinities become null, so that no consumer has to agree on how
   * to store them).
   */
  Object normalize(Object value) {
    if (value instanceof Number number) {
      if (this == FLOAT64) {
        double real = number.doubleValue();
        return Double.isFinite(real) ? real : null;
      }
      if (this == INT64 && !(value instanceof Long)) {
        return number.longValue();
      }
    }
    return value;
  }
}
