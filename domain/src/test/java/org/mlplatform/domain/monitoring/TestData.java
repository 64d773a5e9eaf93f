package org.mlplatform.domain.monitoring;

import java.util.List;

/**
 * Deterministic samples, bit-identical to those of {@code scipy_reference.py} beside the tests'
 * resources: a 31-bit linear congruential generator, with every value built by the same floating
 * point operations in the same order in Java and Python.
 */
final class TestData {

  private long state;

  private TestData(long seed) {
    this.state = seed;
  }

  private double uniform() {
    state = (state * 1103515245L + 12345L) & 0x7FFFFFFFL;
    return state / 2147483648.0;
  }

  /** Sum of three uniforms: a bell shape on [0, 3). */
  private double bell() {
    double a = uniform();
    double b = uniform();
    double c = uniform();
    return a + b + c;
  }

  static double[] numbers(long seed, int n) {
    return numbers(seed, n, 1.0, 0.0);
  }

  static double[] numbers(long seed, int n, double scale, double shift) {
    TestData generator = new TestData(seed);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = generator.bell() * scale + shift;
    }
    return values;
  }

  static double[] integers(long seed, int n, double scale, double shift) {
    double[] values = numbers(seed, n, scale, shift);
    for (int i = 0; i < n; i++) {
      values[i] = Math.floor(values[i]);
    }
    return values;
  }

  static String[] categories(long seed, int n, List<String> labels, double... weights) {
    double[] cumulative = new double[weights.length];
    double total = 0.0;
    for (int i = 0; i < weights.length; i++) {
      total += weights[i];
      cumulative[i] = total;
    }
    TestData generator = new TestData(seed);
    String[] values = new String[n];
    for (int i = 0; i < n; i++) {
      double u = generator.uniform();
      values[i] = labels.getLast();
      for (int k = 0; k < cumulative.length; k++) {
        if (u < cumulative[k]) {
          values[i] = labels.get(k);
          break;
        }
      }
    }
    return values;
  }

  /** Numbers "0" and "1" parsed, as {@code float(x)} does in the Python script. */
  static double[] parsed(String[] values) {
    double[] numbers = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      numbers[i] = Double.parseDouble(values[i]);
    }
    return numbers;
  }
}
