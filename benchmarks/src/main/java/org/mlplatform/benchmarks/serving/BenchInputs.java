package org.mlplatform.benchmarks.serving;

import java.util.Random;

/**
 * The rows the benchmark predicts on: one fixed row for the tensor endpoints and one row per entity
 * for predictions by key. Every value is a multiple of 1/64 between -4 and 4, exact in FP32, FP64
 * and decimal text, so a value read back from CSV, JSON or the online store is the value sent.
 */
final class BenchInputs {

  private static final long FIXED_SEED = 42L;
  private static final long ENTITY_SEED = 4_242L;

  private BenchInputs() {}

  /** The single row sent to the tensor endpoints, in the model's column order. */
  static float[] fixedRow() {
    return row(new Random(FIXED_SEED));
  }

  /** Entity {@code e}'s row, for {@code e} from 0. */
  static float[][] entityRows(int entities) {
    float[][] rows = new float[entities][];
    for (int e = 0; e < entities; e++) {
      rows[e] = row(new Random(ENTITY_SEED + e));
    }
    return rows;
  }

  private static float[] row(Random random) {
    float[] row = new float[SyntheticLogisticRegression.FEATURES];
    for (int f = 0; f < row.length; f++) {
      double value = Math.round(random.nextGaussian() * 64) / 64.0;
      row[f] = (float) Math.max(-4, Math.min(4, value));
    }
    return row;
  }

  /** A value as text that parses back to the same FP32 and FP64 number. */
  static String text(float value) {
    return Double.toString(value);
  }
}
