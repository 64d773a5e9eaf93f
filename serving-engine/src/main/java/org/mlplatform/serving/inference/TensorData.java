package org.mlplatform.serving.inference;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import org.mlplatform.domain.models.ElementType;

/**
 * A typed flat buffer of tensor elements in row-major order. Immutable after construction.
 *
 * <p>Elements live in one primitive array per type family, never boxed: FP32, FP16 and BF16 in a
 * {@code float[]} (16-bit values as the floats they widen to exactly), FP64 in a {@code double[]},
 * INT64, UINT32 and UINT64 in a {@code long[]} (UINT64 as raw bits), the narrower integers in an
 * {@code int[]}, BOOL in a {@code boolean[]} and BYTES in a {@code String[]}.
 *
 * <p>{@link #slice} shares the array with the original instead of copying it, so a slice of a large
 * batch output keeps the whole batch reachable for as long as the slice lives.
 */
public final class TensorData {

  private final ElementType type;
  private final Object values;
  private final int offset;
  private final int length;
  private int hash;
  private boolean hashed;

  private TensorData(ElementType type, Object values, int offset, int length) {
    this.type = type;
    this.values = values;
    this.offset = offset;
    this.length = length;
  }

  /** FP32 elements. */
  public static TensorData ofFloats(float[] values) {
    return new TensorData(ElementType.FP32, values.clone(), 0, values.length);
  }

  /** FP32, FP16 or BF16 elements; for the 16-bit types each value is rounded to the type. */
  public static TensorData ofFloats(ElementType type, float[] values) {
    requireStorage(type, float[].class);
    float[] copy = values.clone();
    if (type != ElementType.FP32) {
      for (int i = 0; i < copy.length; i++) {
        copy[i] = HalfFloats.round(type, copy[i]);
      }
    }
    return new TensorData(type, copy, 0, copy.length);
  }

  /** FP64 elements. */
  public static TensorData ofDoubles(double[] values) {
    return new TensorData(ElementType.FP64, values.clone(), 0, values.length);
  }

  /**
   * INT64, UINT32 or UINT64 elements; UINT64 values are raw bits ({@code -1} is 2<sup>64</sup>−1).
   */
  public static TensorData ofLongs(ElementType type, long[] values) {
    requireStorage(type, long[].class);
    if (type == ElementType.UINT32) {
      for (long value : values) {
        requireRange(type, value, 0, 0xFFFF_FFFFL);
      }
    }
    return new TensorData(type, values.clone(), 0, values.length);
  }

  /** INT32, INT16, INT8, UINT16 or UINT8 elements. */
  public static TensorData ofInts(ElementType type, int[] values) {
    requireStorage(type, int[].class);
    long min = minimum(type);
    long max = maximum(type);
    for (int value : values) {
      requireRange(type, value, min, max);
    }
    return new TensorData(type, values.clone(), 0, values.length);
  }

  public static TensorData ofBooleans(boolean[] values) {
    return new TensorData(ElementType.BOOL, values.clone(), 0, values.length);
  }

  /** BYTES elements, as the text the Open Inference Protocol carries them as in JSON. */
  public static TensorData ofStrings(String[] values) {
    String[] copy = values.clone();
    for (int i = 0; i < copy.length; i++) {
      Objects.requireNonNull(copy[i], () -> "BYTES elements cannot be null");
    }
    return new TensorData(ElementType.BYTES, copy, 0, copy.length);
  }

  /**
   * Takes ownership of a storage array without copying or checking it: for the codec's own readers,
   * which have checked every element already.
   */
  static TensorData wrap(ElementType type, Object values, int length) {
    requireStorage(type, values.getClass());
    return new TensorData(type, values, 0, length);
  }

  /**
   * Joins buffers of one type end to end.
   *
   * @throws IllegalArgumentException no parts, or parts of different types
   */
  public static TensorData concat(List<TensorData> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("nothing to concatenate");
    }
    TensorData first = parts.getFirst();
    if (parts.size() == 1) {
      return first;
    }
    int total = 0;
    for (TensorData part : parts) {
      if (part.type != first.type) {
        throw new IllegalArgumentException(
            "cannot concatenate " + part.type + " elements to " + first.type + " elements");
      }
      total = Math.addExact(total, part.length);
    }
    Object joined = newStorage(first.type, total);
    int at = 0;
    for (TensorData part : parts) {
      System.arraycopy(part.values, part.offset, joined, at, part.length);
      at += part.length;
    }
    return new TensorData(first.type, joined, 0, total);
  }

  public ElementType type() {
    return type;
  }

  /** Number of elements. */
  public int length() {
    return length;
  }

  /** Elements {@code from} (inclusive) to {@code to} (exclusive), sharing this buffer's array. */
  public TensorData slice(int from, int to) {
    Objects.checkFromToIndex(from, to, length);
    if (from == 0 && to == length) {
      return this;
    }
    return new TensorData(type, values, offset + from, to - from);
  }

  /**
   * An element as a number: UINT64 as its unsigned value, BOOL as 0 or 1.
   *
   * @throws UnsupportedOperationException for BYTES
   */
  public double number(int index) {
    int i = offset + Objects.checkIndex(index, length);
    return switch (values) {
      case float[] floats -> floats[i];
      case double[] doubles -> doubles[i];
      case long[] longs -> type == ElementType.UINT64 ? unsignedToDouble(longs[i]) : longs[i];
      case int[] ints -> ints[i];
      case boolean[] booleans -> booleans[i] ? 1 : 0;
      default -> throw new UnsupportedOperationException("BYTES elements have no numeric value");
    };
  }

  /**
   * An element boxed, for JSON and logging: Float, Double, Long, Integer, Boolean or String; a
   * UINT64 above {@link Long#MAX_VALUE} as a {@link BigInteger}.
   */
  public Object element(int index) {
    int i = offset + Objects.checkIndex(index, length);
    return switch (values) {
      case float[] floats -> floats[i];
      case double[] doubles -> doubles[i];
      case long[] longs ->
          type == ElementType.UINT64 && longs[i] < 0
              ? new BigInteger(Long.toUnsignedString(longs[i]))
              : (Object) longs[i];
      case int[] ints -> ints[i];
      case boolean[] booleans -> booleans[i];
      case String[] strings -> strings[i];
      default -> throw new IllegalStateException("unknown storage " + values.getClass());
    };
  }

  /** A copy of the elements as doubles (see {@link #number}). */
  public double[] toDoubleArray() {
    if (values instanceof double[] doubles) {
      return Arrays.copyOfRange(doubles, offset, offset + length);
    }
    double[] copy = new double[length];
    for (int i = 0; i < length; i++) {
      copy[i] = number(i);
    }
    return copy;
  }

  /** A copy of FP32, FP16 or BF16 elements. */
  public float[] toFloatArray() {
    return Arrays.copyOfRange(storage(float[].class), offset, offset + length);
  }

  /** A copy of INT64, UINT32 or UINT64 elements (UINT64 as raw bits). */
  public long[] toLongArray() {
    return Arrays.copyOfRange(storage(long[].class), offset, offset + length);
  }

  /** A copy of INT32, INT16, INT8, UINT16 or UINT8 elements. */
  public int[] toIntArray() {
    return Arrays.copyOfRange(storage(int[].class), offset, offset + length);
  }

  public boolean[] toBooleanArray() {
    return Arrays.copyOfRange(storage(boolean[].class), offset, offset + length);
  }

  public String[] toStringArray() {
    return Arrays.copyOfRange(storage(String[].class), offset, offset + length);
  }

  /** The backing array, shared: for {@link OrtRunner}, which copies from it into native memory. */
  Object storage() {
    return values;
  }

  /** Where this buffer's first element sits in {@link #storage()}. */
  int offset() {
    return offset;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof TensorData that) || type != that.type || length != that.length) {
      return false;
    }
    int from = offset;
    int to = offset + length;
    int thatFrom = that.offset;
    int thatTo = that.offset + length;
    // Arrays.equals compares floats by their bits: NaN equals NaN and 0.0 differs from -0.0,
    // which is what a cache key needs.
    return switch (values) {
      case float[] a -> Arrays.equals(a, from, to, (float[]) that.values, thatFrom, thatTo);
      case double[] a -> Arrays.equals(a, from, to, (double[]) that.values, thatFrom, thatTo);
      case long[] a -> Arrays.equals(a, from, to, (long[]) that.values, thatFrom, thatTo);
      case int[] a -> Arrays.equals(a, from, to, (int[]) that.values, thatFrom, thatTo);
      case boolean[] a -> Arrays.equals(a, from, to, (boolean[]) that.values, thatFrom, thatTo);
      case String[] a -> Arrays.equals(a, from, to, (String[]) that.values, thatFrom, thatTo);
      default -> false;
    };
  }

  @Override
  public int hashCode() {
    // Computed once: instances serve as cache keys and may be large.
    if (!hashed) {
      hash = 31 * type.hashCode() + contentHash();
      hashed = true;
    }
    return hash;
  }

  private int contentHash() {
    int h = 1;
    int end = offset + length;
    switch (values) {
      case float[] a -> {
        for (int i = offset; i < end; i++) {
          h = 31 * h + Float.floatToIntBits(a[i]);
        }
      }
      case double[] a -> {
        for (int i = offset; i < end; i++) {
          h = 31 * h + Double.hashCode(a[i]);
        }
      }
      case long[] a -> {
        for (int i = offset; i < end; i++) {
          h = 31 * h + Long.hashCode(a[i]);
        }
      }
      case int[] a -> {
        for (int i = offset; i < end; i++) {
          h = 31 * h + a[i];
        }
      }
      case boolean[] a -> {
        for (int i = offset; i < end; i++) {
          h = 31 * h + Boolean.hashCode(a[i]);
        }
      }
      case String[] a -> {
        for (int i = offset; i < end; i++) {
          h = 31 * h + a[i].hashCode();
        }
      }
      default -> throw new IllegalStateException("unknown storage " + values.getClass());
    }
    return h;
  }

  /** The type, the length and the first few elements. */
  @Override
  public String toString() {
    StringJoiner shown = new StringJoiner(", ", type + "[" + length + "]{", "}");
    int limit = Math.min(length, 8);
    for (int i = 0; i < limit; i++) {
      shown.add(String.valueOf(element(i)));
    }
    if (limit < length) {
      shown.add("...");
    }
    return shown.toString();
  }

  static Class<?> storageClass(ElementType type) {
    return switch (type) {
      case FP32, FP16, BF16 -> float[].class;
      case FP64 -> double[].class;
      case INT64, UINT32, UINT64 -> long[].class;
      case INT32, INT16, INT8, UINT16, UINT8 -> int[].class;
      case BOOL -> boolean[].class;
      case BYTES -> String[].class;
    };
  }

  static Object newStorage(ElementType type, int length) {
    return switch (type) {
      case FP32, FP16, BF16 -> new float[length];
      case FP64 -> new double[length];
      case INT64, UINT32, UINT64 -> new long[length];
      case INT32, INT16, INT8, UINT16, UINT8 -> new int[length];
      case BOOL -> new boolean[length];
      case BYTES -> new String[length];
    };
  }

  /** The smallest value of an integer type held in an {@code int[]} or {@code long[]}. */
  static long minimum(ElementType type) {
    return switch (type) {
      case INT8 -> Byte.MIN_VALUE;
      case INT16 -> Short.MIN_VALUE;
      case INT32 -> Integer.MIN_VALUE;
      case INT64 -> Long.MIN_VALUE;
      default -> 0;
    };
  }

  static long maximum(ElementType type) {
    return switch (type) {
      case INT8 -> Byte.MAX_VALUE;
      case INT16 -> Short.MAX_VALUE;
      case INT32 -> Integer.MAX_VALUE;
      case UINT8 -> 0xFF;
      case UINT16 -> 0xFFFF;
      case UINT32 -> 0xFFFF_FFFFL;
      default -> Long.MAX_VALUE;
    };
  }

  static double unsignedToDouble(long bits) {
    if (bits >= 0) {
      return bits;
    }
    // Halve (keeping the lowest bit for correct rounding), convert, double again.
    return ((double) ((bits >>> 1) | (bits & 1))) * 2.0;
  }

  private <T> T storage(Class<T> expected) {
    if (!expected.isInstance(values)) {
      throw new IllegalStateException(type + " elements are not held as " + expected.getName());
    }
    return expected.cast(values);
  }

  private static void requireStorage(ElementType type, Class<?> storage) {
    Objects.requireNonNull(type, "type");
    if (storageClass(type) != storage) {
      throw new IllegalArgumentException(
          type + " elements are held as " + storageClass(type).getSimpleName());
    }
  }

  private static void requireRange(ElementType type, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(value + " is out of range for " + type);
    }
  }
}
