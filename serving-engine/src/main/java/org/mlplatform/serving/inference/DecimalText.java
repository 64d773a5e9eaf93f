package org.mlplatform.serving.inference;

/**
 * Converts the text of a JSON number to a float or double, correctly rounded, without the cost of
 * {@link Double#parseDouble} for the common case: Clinger's fast path, where the decimal's digits
 * fit a double exactly and one multiplication or division by an exact power of ten rounds once.
 * Anything outside it goes to the JDK's full conversion.
 */
final class DecimalText {

  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    double power = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = power;
      power *= 10;
    }
  }

  private static final long MAX_EXACT_MANTISSA = 1L << 53;

  /** The mantissa bits a double has beyond a float's, and a float midpoint's pattern in them. */
  private static final long BEYOND_FLOAT = (1L << 29) - 1;

  private static final long FLOAT_MIDPOINT = 1L << 28;

  private DecimalText() {}

  static double toDouble(String text) {
    double fast = fastPath(text);
    return Double.isNaN(fast) ? Double.parseDouble(text) : fast;
  }

  static float toFloat(String text) {
    double fast = fastPath(text);
    // Rounding the exact double to float rounds the decimal correctly unless the double lies on a
    // float midpoint (it could have been rounded onto it) or among float subnormals.
    if (Double.isNaN(fast)
        || Math.abs(fast) < Float.MIN_NORMAL && fast != 0
        || (Double.doubleToRawLongBits(fast) & BEYOND_FLOAT) == FLOAT_MIDPOINT) {
      return Float.parseFloat(text);
    }
    return (float) fast;
  }

  /** The correctly rounded value, or NaN when the text is outside the fast path. */
  private static double fastPath(String text) {
    int length = text.length();
    int i = 0;
    boolean negative = length > 0 && text.charAt(0) == '-';
    if (negative) {
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int exponent = 0;
    boolean fraction = false;
    for (; i < length; i++) {
      char c = text.charAt(i);
      if (c == '.' && !fraction) {
        fraction = true;
        continue;
      }
      if (c < '0' || c > '9') {
        break;
      }
      if (fraction) {
        exponent--;
      }
      if (mantissa != 0 || c != '0') {
        if (++digits > 18) {
          return Double.NaN;
        }
        mantissa = mantissa * 10 + (c - '0');
      }
    }
    if (i < length) {
      char c = text.charAt(i);
      if (c != 'e' && c != 'E') {
        return Double.NaN;
      }
      i++;
      boolean negativeExponent = i < length && text.charAt(i) == '-';
      if (i < length && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
        i++;
      }
      int written = 0;
      int start = i;
      for (; i < length; i++) {
        char d = text.charAt(i);
        if (d < '0' || d > '9' || i - start > 4) {
          return Double.NaN;
        }
        written = written * 10 + (d - '0');
      }
      exponent += negativeExponent ? -written : written;
    }
    if (mantissa == 0) {
      return negative ? -0.0 : 0.0;
    }
    if (mantissa > MAX_EXACT_MANTISSA || exponent < -22 || exponent > 22) {
      return Double.NaN;
    }
    double value = mantissa;
    if (exponent > 0) {
      value *= POWERS_OF_TEN[exponent];
    } else if (exponent < 0) {
      value /= POWERS_OF_TEN[-exponent];
    }
    return negative ? -value : value;
  }
}
