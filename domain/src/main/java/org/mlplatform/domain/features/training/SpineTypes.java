package org.mlplatform.domain.features.training;

import java.math.BigDecimal;
import org.mlplatform.domain.features.FeatureType;

/**
 * The type of a pass-through column, read off its values: numbers stay numbers and true/false stay
 * booleans, so a label column gets numeric statistics whether it came as JSON or as CSV text.
 */
final class SpineTypes {

  private SpineTypes() {}

  static FeatureType infer(EntityRows rows, int column) {
    boolean integral = true;
    boolean numeric = true;
    boolean bool = true;
    boolean any = false;
    for (int r = 0; r < rows.size(); r++) {
      Object raw = rows.raw(r, column);
      if (raw == null) {
        continue;
      }
      any = true;
      bool &= raw instanceof Boolean || isBooleanText(raw);
      BigDecimal number = number(raw);
      numeric &= number != null;
      integral &= number != null && isIntegral(number);
      if (!numeric && !bool) {
        return FeatureType.STRING;
      }
    }
    if (!any) {
      return FeatureType.STRING;
    }
    if (bool) {
      return FeatureType.BOOL;
    }
    return integral ? FeatureType.INT64 : FeatureType.FLOAT64;
  }

  private static boolean isBooleanText(Object raw) {
    return raw instanceof String s && (s.equals("true") || s.equals("false"));
  }

  private static boolean isIntegral(BigDecimal number) {
    return number.signum() == 0
        || (number.stripTrailingZeros().scale() <= 0 && number.toBigInteger().bitLength() < 63);
  }

  private static BigDecimal number(Object raw) {
    try {
      return switch (raw) {
        case BigDecimal b -> b;
        case Integer i -> BigDecimal.valueOf(i);
        case Long l -> BigDecimal.valueOf(l);
        case Number n -> new BigDecimal(n.toString());
        case String s when !s.isBlank() -> new BigDecimal(s.trim());
        default -> null;
      };
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
