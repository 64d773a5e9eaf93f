package org.mlplatform.workflows.training;

import java.util.List;

/**
 * The usable rows of a training set, in file order: feature values ({@code NaN} where the value was
 * null) and the label as text.
 *
 * @param skipped rows left out because their label was empty
 */
record LabelledRows(List<double[]> features, List<String> labels, long skipped) {

  LabelledRows {
    features = List.copyOf(features);
    labels = List.copyOf(labels);
  }

  int size() {
    return labels.size();
  }
}
