package org.mlplatform.domain.features.expr;

import java.time.Instant;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.FeatureType;

/**
 * Brings a caller's input value to the form the expression computes with: {@code Long} for INT32
 * and INT64, a finite {@code Double} for FLOAT32 and FLOAT64 (NaN and infinities read as null, as
 * they would after a round trip through most stores). Values in another representation, such as
 * JSON text, are accepted when {@link FeatureType#coerce} converts them without loss.
 */
final class InputValues {

  private InputValues() {}

  static Object canonical(String name, FeatureType declared, Object raw) {
    if (raw == null) {
      return null;
    }
    Object value = isCanonical(declared, raw) ? raw : coerce(name, declared, raw);
    return switch (value) {
      case Integer i -> (long) i;
      case Float f -> finiteOrNull(f.doubleValue());
      case Double d -> finiteOrNull(d);
      default -> value;
    };
  }

  private static boolean isCanonical(FeatureType declared, Object raw) {
    return switch (declared) {
      case INT32 -> raw instanceof Integer;
      case INT64 -> raw instanceof Long;
      case FLOAT32 -> raw instanceof Float;
      case FLOAT64 -> raw instanceof Double;
      case STRING -> raw instanceof String;
      case BOOL -> raw instanceof Boolean;
      case TIMESTAMP -> raw instanceof Instant;
    };
  }

  private static Object coerce(String name, FeatureType declared, Object raw) {
    try {
      return declared.coerce(raw);
    } catch (IllegalArgumentException e) {
      throw new DomainValidationException(name, "input '" + name + "': " + e.getMessage());
    }
  }

  private static Double finiteOrNull(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
