package org.mlplatform.domain.features;

import java.util.Objects;

/** One typed feature of a feature view. */
public record FeatureDefinition(ResourceName name, FeatureType type, String description) {

  public FeatureDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    description = description == null ? "" : description;
  }
}
