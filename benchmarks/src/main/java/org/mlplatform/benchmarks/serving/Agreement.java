package org.mlplatform.benchmarks.serving;

import java.util.Arrays;

/** Whether an answer's probabilities are the bare session's, within {@value #TOLERANCE}. */
final class Agreement {

  static final double TOLERANCE = 1e-5;

  private Agreement() {}

  /**
   * @throws IllegalStateException naming {@code what} and both answers when they differ
   */
  static void require(String what, float[] expected, double[] actual) {
    boolean same = actual.length == expected.length;
    for (int i = 0; same && i < actual.length; i++) {
      same = Math.abs(actual[i] - expected[i]) <= TOLERANCE;
    }
    if (!same) {
      throw new IllegalStateException(
          what
              + " answered "
              + Arrays.toString(actual)
              + " where the bare session answers "
              + Arrays.toString(expected));
    }
  }
}
