package org.mlplatform.domain.features;

import java.util.Objects;

/** A column that identifies an entity, such as {@code customer_id INT64}. */
public record JoinKey(ResourceName name, FeatureType type) {

  public JoinKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (!type.isJoinKeyType()) {
      throw new IllegalArgumentException(
          "join key " + name + " has type " + type + "; use INT32, INT64 or STRING");
    }
  }
}
