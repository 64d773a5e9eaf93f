package org.mlplatform.serving.inference;

import java.util.Arrays;

/** Arithmetic on tensor shapes, shared by the tensor types and the request reader. */
final class Shapes {

  private Shapes() {}

  /** The element count of a shape, or -1 when it overflows a long (no buffer could hold it). */
  static long elementCount(long[] shape) {
    for (long size : shape) {
      if (size < 0) {
        return -1;
      }
      if (size == 0) {
        // Empty, however large the other axes.
        return 0;
      }
    }
    long count = 1;
    for (long size : shape) {
      try {
        count = Math.multiplyExact(count, size);
      } catch (ArithmeticException e) {
        return -1;
      }
    }
    return count;
  }

  /** Elements in one row: the product of every axis after the first. */
  static long rowSize(long[] shape) {
    return elementCount(Arrays.copyOfRange(shape, 1, shape.length));
  }

  static String describe(long[] shape) {
    return Arrays.toString(shape);
  }
}
