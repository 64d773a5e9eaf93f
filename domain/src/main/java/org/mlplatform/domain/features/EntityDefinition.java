package org.mlplatform.domain.features;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.mlplatform.domain.DomainValidationException;

/** Something features describe (a customer, a merchant), identified by one or more join keys. */
public record EntityDefinition(ResourceName name, List<JoinKey> joinKeys, String description) {

  public EntityDefinition {
    Objects.requireNonNull(name, "name");
    joinKeys = List.copyOf(joinKeys);
    if (joinKeys.isEmpty()) {
      throw new DomainValidationException("joinKeys", "an entity needs at least one join key");
    }
    Set<ResourceName> seen = new HashSet<>();
    for (int i = 0; i < joinKeys.size(); i++) {
      if (!seen.add(joinKeys.get(i).name())) {
        throw new DomainValidationException(
            "joinKeys[" + i + "].name", "duplicate join key " + joinKeys.get(i).name());
      }
    }
    description = description == null ? "" : description;
  }
}
