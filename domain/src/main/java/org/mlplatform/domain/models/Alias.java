package org.mlplatform.domain.models;

import java.util.Objects;
import org.mlplatform.domain.features.ResourceName;

/** A named, movable pointer at one version of a model: the only mutable way to name a version. */
public record Alias(ResourceName model, AliasName name, int version) {

  public Alias {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(name, "name");
    if (version < 1) {
      throw new IllegalArgumentException("version numbers start at 1, got " + version);
    }
  }

  public ModelVersionId target() {
    return new ModelVersionId(model, version);
  }

  @Override
  public String toString() {
    return model + "@" + name + " -> " + version;
  }
}
