package org.mlplatform.workflows.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces missing feature values with the mean of the training rows. The means come from the
 * training side of the split only, so that the held-out metrics see what serving will see.
 */
final class MeanImputation {

  private final double[] means;

  private MeanImputation(double[] means) {
    this.means = means;
  }

  /**
   * The means of each feature over the rows at {@code positions}; 0 for a feature never present.
   */
  static MeanImputation fit(List<double[]> rows, int[] positions, int featureCount) {
    double[] sums = new double[featureCount];
    long[] counts = new long[featureCount];
    for (int position : positions) {
      double[] row = rows.get(position);
      for (int f = 0; f < featureCount; f++) {
        if (!Double.isNaN(row[f])) {
          sums[f] += row[f];
          counts[f]++;
        }
      }
    }
    double[] means = new double[featureCount];
    for (int f = 0; f < featureCount; f++) {
      means[f] = counts[f] == 0 ? 0 : sums[f] / counts[f];
    }
    return new MeanImputation(means);
  }

  /** A copy of {@code row} with its missing values filled in. */
  double[] apply(double[] row) {
    double[] filled = row.clone();
    for (int f = 0; f < filled.length; f++) {
      if (Double.isNaN(filled[f])) {
        filled[f] = means[f];
      }
    }
    return filled;
  }

  /** The value used for each feature, by name. */
  Map<String, Double> byFeature(List<String> featureNames) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (int f = 0; f < means.length; f++) {
      values.put(featureNames.get(f), means[f]);
    }
    return values;
  }
}
