package org.mlplatform.domain.features;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.mlplatform.domain.DomainValidationException;

/**
 * A named, versioned list of features a model uses. Changing the list makes a new version, so a
 * model version can keep naming exactly what it was trained on; owner, tags and description change
 * in place.
 */
public record FeatureServiceDefinition(
    ResourceName name,
    int version,
    List<FeatureRef> features,
    String owner,
    Set<String> tags,
    String description) {

  public FeatureServiceDefinition {
    Objects.requireNonNull(name, "name");
    if (version < 1) {
      throw new IllegalArgumentException("version starts at 1");
    }
    features = List.copyOf(features);
    if (features.isEmpty()) {
      throw new DomainValidationException(
          "features", "a feature service needs at least one feature");
    }
    Set<FeatureRef> seen = new HashSet<>();
    for (int i = 0; i < features.size(); i++) {
      if (!seen.add(features.get(i))) {
        throw new DomainValidationException(
            "features[" + i + "]", "duplicate feature " + features.get(i));
      }
    }
    owner = owner == null ? "" : owner;
    tags = Set.copyOf(tags);
    description = description == null ? "" : description;
  }

  public FeatureServiceDefinition withVersion(int newVersion) {
    return new FeatureServiceDefinition(name, newVersion, features, owner, tags, description);
  }

  /** Whether the service uses a feature of this view. */
  public boolean uses(ResourceName view) {
    return features.stream().anyMatch(f -> f.view().equals(view));
  }
}
