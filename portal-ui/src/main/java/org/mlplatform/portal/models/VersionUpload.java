package org.mlplatform.portal.models;

import java.util.List;
import java.util.Map;

/**
 * The metadata part of a version upload; every field is optional.
 *
 * @param trainingSetId the training set the model was trained on
 * @param featureService the feature service it reads, {@code name:version}
 * @param features the features (or training-set columns) feeding the model's input, in order
 * @param input the input they feed; {@code input} when absent
 * @param labels class labels in the order of the model's output columns
 * @param parentVersion the version this one was retrained from
 */
public record VersionUpload(
    String description,
    Map<String, Double> metrics,
    Map<String, String> hyperparameters,
    String trainingSetId,
    String featureService,
    List<String> features,
    String input,
    List<String> labels,
    Integer parentVersion,
    String algorithm) {

  public static VersionUpload empty() {
    return new VersionUpload(null, null, null, null, null, null, null, null, null, null);
  }
}
