package org.mlplatform.domain.models;

import java.util.Objects;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;

/**
 * The identity of a model version: the model's name and the number the registry gave it, written
 * {@code name:number} as feature services are.
 */
public record ModelVersionId(ResourceName model, int number) implements Comparable<ModelVersionId> {

  public ModelVersionId {
    Objects.requireNonNull(model, "model");
    if (number < 1) {
      throw new DomainValidationException("version", "version numbers start at 1, got " + number);
    }
  }

  public static ModelVersionId of(String model, int number) {
    return new ModelVersionId(ResourceName.of("model", model), number);
  }

  @Override
  public int compareTo(ModelVersionId other) {
    int byModel = model.compareTo(other.model);
    return byModel != 0 ? byModel : Integer.compare(number, other.number);
  }

  @Override
  public String toString() {
    return model + ":" + number;
  }
}
