package org.mlplatform.serving.monitoring;

import java.util.List;
import java.util.Objects;
import org.mlplatform.domain.models.ModelSignature;
import org.mlplatform.domain.models.ModelVersionId;

/**
 * What monitoring must know of a version to read its logged predictions: the one input it is fed
 * ({@code [rows, features]}), its features in input order, and its labels when it classifies.
 *
 * @param labels class labels in output order for a classifier; for a regressor the value's name
 */
public record MonitoredVersion(
    ModelVersionId id,
    ModelSignature signature,
    String input,
    List<String> features,
    List<String> labels,
    boolean classifier) {

  public MonitoredVersion {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(input, "input");
    features = List.copyOf(features);
    labels = List.copyOf(labels);
  }
}
