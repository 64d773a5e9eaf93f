package org.mlplatform.domain.monitoring.window;

import java.util.List;
import java.util.Objects;

/**
 * What a version's serving traffic is held against: the feature values of its training set and the
 * predictions it made on its held-out rows. Arrays are owned by the baseline once given; callers do
 * not change them (they can be large, so they are not copied).
 *
 * @param features the version's features in input order
 * @param reference per feature, its training-set values (NaN where missing)
 * @param predictionKind whether the prediction is a label or a value
 * @param referenceLabels the held-out predictions of a classifier; empty for a regressor
 * @param referenceValues the held-out predictions of a regressor; empty for a classifier
 * @param source where the reference came from, for people (for example the training set's id)
 */
public record Baseline(
    List<String> features,
    double[][] reference,
    PredictionKind predictionKind,
    String[] referenceLabels,
    double[] referenceValues,
    String source) {

  public Baseline {
    features = List.copyOf(features);
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(predictionKind, "predictionKind");
    Objects.requireNonNull(referenceLabels, "referenceLabels");
    Objects.requireNonNull(referenceValues, "referenceValues");
    Objects.requireNonNull(source, "source");
    if (reference.length != features.size()) {
      throw new IllegalArgumentException("one reference column per feature");
    }
  }

  /** Reference rows (of the first feature; all have as many). */
  public int referenceRows() {
    return reference.length == 0 ? 0 : reference[0].length;
  }

  /** Held-out predictions the prediction column is compared with. */
  public int referencePredictions() {
    return predictionKind == PredictionKind.LABEL ? referenceLabels.length : referenceValues.length;
  }
}
