package org.mlplatform.domain.features;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.mlplatform.domain.DomainValidationException;

/**
 * A versioned, typed group of features about the same entities. A schema change (entities, feature
 * names or types) makes a new version, so training sets built on an older one keep resolving
 * against what they used; descriptive fields (owner, tags, description, TTL) can change in place.
 *
 * @param ttl how long a value stays valid after its event time; {@link Duration#ZERO} means forever
 */
public record FeatureViewDefinition(
    ResourceName name,
    int version,
    List<ResourceName> entities,
    List<FeatureDefinition> features,
    Duration ttl,
    String owner,
    Set<String> tags,
    String description) {

  /** The column every row of a view carries besides its join keys and features. */
  public static final String EVENT_TIMESTAMP = "event_timestamp";

  public FeatureViewDefinition {
    Objects.requireNonNull(name, "name");
    if (version < 1) {
      throw new IllegalArgumentException("version starts at 1");
    }
    entities = List.copyOf(entities);
    features = List.copyOf(features);
    if (entities.isEmpty()) {
      throw new DomainValidationException("entities", "a feature view needs at least one entity");
    }
    if (features.isEmpty()) {
      throw new DomainValidationException("features", "a feature view needs at least one feature");
    }
    Set<ResourceName> seen = new HashSet<>();
    for (int i = 0; i < features.size(); i++) {
      ResourceName feature = features.get(i).name();
      if (feature.value().equals(EVENT_TIMESTAMP)) {
        throw new DomainValidationException(
            "features[" + i + "].name", EVENT_TIMESTAMP + " is reserved for the event time");
      }
      if (!seen.add(feature)) {
        throw new DomainValidationException(
            "features[" + i + "].name", "duplicate feature " + feature);
      }
    }
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative()) {
      throw new DomainValidationException("ttlSeconds", "TTL must not be negative");
    }
    owner = owner == null ? "" : owner;
    tags = Set.copyOf(tags);
    description = description == null ? "" : description;
  }

  public Optional<FeatureDefinition> feature(ResourceName feature) {
    return features.stream().filter(f -> f.name().equals(feature)).findFirst();
  }

  /** Whether a record with this event time is still valid at {@code asOf} (boundary included). */
  public boolean isFresh(java.time.Instant eventTime, java.time.Instant asOf) {
    return ttl.isZero() || !eventTime.isBefore(asOf.minus(ttl));
  }

  /** Whether {@code other} stores the same columns, so it can share this version's data. */
  public boolean hasSameSchemaAs(FeatureViewDefinition other) {
    return entities.equals(other.entities)
        && features.stream()
            .map(f -> f.name() + ":" + f.type())
            .toList()
            .equals(other.features.stream().map(f -> f.name() + ":" + f.type()).toList());
  }
}
