package org.mlplatform.serving.inference;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import org.mlplatform.domain.models.ElementType;

/**
 * Collects one input's elements straight into a growing primitive array of its datatype, checking
 * each one: a JSON number in range for numeric types (the exact value, read from the number's
 * text), true or false for BOOL, a string for BYTES, and the strings {@code "NaN"}, {@code
 * "Infinity"} and {@code "-Infinity"} for the float types.
 */
abstract sealed class ElementColumn implements ElementSink {

  /** Integer texts longer than this are out of range for every type without further reading. */
  private static final int MAX_INTEGER_TEXT = 400;

  private static final int INITIAL_CAPACITY = 16;

  /** A shape is trusted for the first allocation only up to here: a small body stays cheap. */
  private static final int MAX_PRESIZE = 1 << 16;

  final String label;
  final ElementType type;
  int size;

  /** The element count the shape declared, or -1; trusted only as data arrives to fill it. */
  private final long expected;

  private ElementColumn(String label, ElementType type, long expected) {
    this.label = label;
    this.type = type;
    this.expected = expected;
  }

  /**
   * A column for {@code type}.
   *
   * @param expected the element count the shape promises, or -1 when the shape is not known yet;
   *     the first allocation trusts it up to {@value #MAX_PRESIZE} elements only
   */
  static ElementColumn of(String label, ElementType type, long expected) {
    int capacity =
        expected < 0 ? INITIAL_CAPACITY : (int) Math.max(1, Math.min(expected, MAX_PRESIZE));
    return switch (type) {
      case FP32, FP16, BF16 -> new Floats(label, type, expected, capacity);
      case FP64 -> new Doubles(label, expected, capacity);
      case INT8, INT16, INT32, UINT8, UINT16 -> new Ints(label, type, expected, capacity);
      case INT64, UINT32 -> new Longs(label, type, expected, capacity);
      case UINT64 -> new UnsignedLongs(label, expected, capacity);
      case BOOL -> new Booleans(label, expected, capacity);
      case BYTES -> new Strings(label, expected, capacity);
    };
  }

  /** The elements, in an array of exactly their number. */
  final TensorData finish() {
    return TensorData.wrap(type, trimmed(size), size);
  }

  /** The storage array, copied to {@code length} elements if it is longer. */
  abstract Object trimmed(int length);

  /**
   * The next capacity once {@code size} elements fill the array: the declared count once the data
   * has outgrown the first allocation (the request's element limit bounds it), else half again.
   */
  final int nextCapacity() {
    if (expected > size && expected <= Integer.MAX_VALUE) {
      return (int) expected;
    }
    return grown(size);
  }

  @Override
  public void string(String value, int index) {
    throw notA(index, quoted(value));
  }

  @Override
  public void bool(boolean value, int index) {
    throw notA(index, Boolean.toString(value));
  }

  final InferenceException notA(int index, String shown) {
    return new InferenceException(
        label + " element " + index + ": " + shown + " is not a valid " + type + " value");
  }

  final InferenceException outOfRange(int index, String text) {
    return new InferenceException(
        label + " element " + index + ": " + text + " is out of range for " + type);
  }

  final InferenceException notAnInteger(int index, String text) {
    return new InferenceException(
        label + " element " + index + ": " + text + " is not an integer, as " + type + " needs");
  }

  static int grown(int capacity) {
    long next = Math.max(INITIAL_CAPACITY, capacity + (capacity >> 1) + 1L);
    return (int) Math.min(next, Integer.MAX_VALUE - 8);
  }

  private static String quoted(String value) {
    String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
    return '"' + shown + '"';
  }

  /** The special float values, spelled as JavaScript and Python print them; null for others. */
  static Double nonFinite(String value) {
    return switch (value) {
      case "NaN" -> Double.NaN;
      case "Infinity" -> Double.POSITIVE_INFINITY;
      case "-Infinity" -> Double.NEGATIVE_INFINITY;
      default -> null;
    };
  }

  /**
   * The exact value of an integral JSON number.
   *
   * @throws InferenceException it has a fraction, or lies beyond {@code [min, max]}
   */
  final long exactLong(String text, int index, long min, long max) {
    long value = isShortPlainInteger(text) ? parseShortPlainInteger(text) : slowLong(text, index);
    if (value < min || value > max) {
      throw outOfRange(index, text);
    }
    return value;
  }

  private long slowLong(String text, int index) {
    BigDecimal exact = exact(text, index);
    try {
      return exact.longValueExact();
    } catch (ArithmeticException e) {
      throw outOfRange(index, text);
    }
  }

  /** The value as an integral BigDecimal, refusing fractions and sizes no type can hold. */
  final BigDecimal exact(String text, int index) {
    if (text.length() > MAX_INTEGER_TEXT) {
      throw outOfRange(index, text.substring(0, 20) + "...");
    }
    BigDecimal exact = new BigDecimal(text);
    if (exact.signum() == 0) {
      return BigDecimal.ZERO;
    }
    // Digits before the point, known without expanding an exponent such as 1e999999999.
    long integerDigits = (long) exact.precision() - exact.scale();
    if (integerDigits <= 0) {
      throw notAnInteger(index, text);
    }
    if (integerDigits > 20) {
      throw outOfRange(index, text);
    }
    BigDecimal stripped = exact.stripTrailingZeros();
    if (stripped.scale() > 0) {
      throw notAnInteger(index, text);
    }
    return stripped;
  }

  /** At most 18 digits and nothing else: fits a long, parsed without allocating. */
  private static boolean isShortPlainInteger(String text) {
    int start = text.startsWith("-") ? 1 : 0;
    int digits = text.length() - start;
    if (digits < 1 || digits > 18) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static long parseShortPlainInteger(String text) {
    boolean negative = text.charAt(0) == '-';
    long value = 0;
    for (int i = negative ? 1 : 0; i < text.length(); i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return negative ? -value : value;
  }

  /** FP32, FP16 and BF16, rounded to their type and kept as floats. */
  static final class Floats extends ElementColumn {
    private float[] values;

    Floats(String label, ElementType type, long expected, int capacity) {
      super(label, type, expected);
      values = new float[capacity];
    }

    @Override
    public void number(String text, int index) {
      float value = HalfFloats.round(type, DecimalText.toFloat(text));
      if (Float.isInfinite(value)) {
        throw outOfRange(index, text);
      }
      add(value);
    }

    @Override
    public void string(String value, int index) {
      Double special = nonFinite(value);
      if (special == null) {
        throw notA(index, quoted(value));
      }
      add(special.floatValue());
    }

    private void add(float value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, nextCapacity());
      }
      values[size++] = value;
    }

    @Override
    Object trimmed(int length) {
      return values.length == length ? values : Arrays.copyOf(values, length);
    }
  }

  static final class Doubles extends ElementColumn {
    private double[] values;

    Doubles(String label, long expected, int capacity) {
      super(label, ElementType.FP64, expected);
      values = new double[capacity];
    }

    @Override
    public void number(String text, int index) {
      double value = DecimalText.toDouble(text);
      if (Double.isInfinite(value)) {
        throw outOfRange(index, text);
      }
      add(value);
    }

    @Override
    public void string(String value, int index) {
      Double special = nonFinite(value);
      if (special == null) {
        throw notA(index, quoted(value));
      }
      add(special);
    }

    private void add(double value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, nextCapacity());
      }
      values[size++] = value;
    }

    @Override
    Object trimmed(int length) {
      return values.length == length ? values : Arrays.copyOf(values, length);
    }
  }

  /** The integer types that fit an int: INT8, INT16, INT32, UINT8 and UINT16. */
  static final class Ints extends ElementColumn {
    private final long min;
    private final long max;
    private int[] values;

    Ints(String label, ElementType type, long expected, int capacity) {
      super(label, type, expected);
      this.min = TensorData.minimum(type);
      this.max = TensorData.maximum(type);
      values = new int[capacity];
    }

    @Override
    public void number(String text, int index) {
      int value = (int) exactLong(text, index, min, max);
      if (size == values.length) {
        values = Arrays.copyOf(values, nextCapacity());
      }
      values[size++] = value;
    }

    @Override
    Object trimmed(int length) {
      return values.length == length ? values : Arrays.copyOf(values, length);
    }
  }

  /** INT64 and UINT32. */
  static final class Longs extends ElementColumn {
    private final long min;
    private final long max;
    private long[] values;

    Longs(String label, ElementType type, long expected, int capacity) {
      super(label, type, expected);
      this.min = TensorData.minimum(type);
      this.max = TensorData.maximum(type);
      values = new long[capacity];
    }

    @Override
    public void number(String text, int index) {
      add(exactLong(text, index, min, max));
    }

    void add(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, nextCapacity());
      }
      values[size++] = value;
    }

    @Override
    Object trimmed(int length) {
      return values.length == length ? values : Arrays.copyOf(values, length);
    }
  }

  /** UINT64, kept as raw bits: values from 2<sup>63</sup> on are negative longs. */
  static final class UnsignedLongs extends ElementColumn {
    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private long[] values;

    UnsignedLongs(String label, long expected, int capacity) {
      super(label, ElementType.UINT64, expected);
      values = new long[capacity];
    }

    @Override
    public void number(String text, int index) {
      long bits;
      if (text.startsWith("-")) {
        // -0 and -0.0 are zero; every other negative number is out of range.
        bits = exactLong(text, index, 0, 0);
      } else if (text.length() <= 18) {
        bits = exactLong(text, index, 0, Long.MAX_VALUE);
      } else {
        BigInteger value = exact(text, index).toBigIntegerExact();
        if (value.compareTo(MAX) > 0) {
          throw outOfRange(index, text);
        }
        bits = value.longValue();
      }
      if (size == values.length) {
        values = Arrays.copyOf(values, nextCapacity());
      }
      values[size++] = bits;
    }

    @Override
    Object trimmed(int length) {
      return values.length == length ? values : Arrays.copyOf(values, length);
    }
  }

  static final class Booleans extends ElementColumn {
    private boolean[] values;

    Booleans(String label, long expected, int capacity) {
      super(label, ElementType.BOOL, expected);
      values = new boolean[capacity];
    }

    @Override
    public void number(String text, int index) {
      throw new InferenceException(
          label + " element " + index + ": BOOL takes true or false, not " + text);
    }

    @Override
    public void bool(boolean value, int index) {
      if (size == values.length) {
        values = Arrays.copyOf(values, nextCapacity());
      }
      values[size++] = value;
    }

    @Override
    Object trimmed(int length) {
      return values.length == length ? values : Arrays.copyOf(values, length);
    }
  }

  /** BYTES, carried in JSON as strings. */
  static final class Strings extends ElementColumn {
    private String[] values;

    Strings(String label, long expected, int capacity) {
      super(label, ElementType.BYTES, expected);
      values = new String[capacity];
    }

    @Override
    public void number(String text, int index) {
      throw new InferenceException(
          label + " element " + index + ": BYTES takes JSON strings, not the number " + text);
    }

    @Override
    public void string(String value, int index) {
      if (size == values.length) {
        values = Arrays.copyOf(values, nextCapacity());
      }
      values[size++] = value;
    }

    @Override
    Object trimmed(int length) {
      return values.length == length ? values : Arrays.copyOf(values, length);
    }
  }
}
