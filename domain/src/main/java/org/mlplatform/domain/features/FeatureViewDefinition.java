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
 * <p>Derived (on-demand) features are computed when read, from the stored features and the declared
 * request fields; they are not stored, so changing them keeps the version (training sets record the
 * expressions they were built with).
 *
 * @param ttl how long a value stays valid after its event time; {@link Duration#ZERO} means forever
 * @param derivedFeatures on-demand features, each with its result type filled in
 * @param requestFields typed values a caller supplies with each read (an entity row's extra columns
 *     in a training set, {@code request_context} in an online lookup)
 */
public record FeatureViewDefinition(
    ResourceName name,
    int version,
    List<ResourceName> entities,
    List<FeatureDefinition> features,
    Duration ttl,
    String owner,
    Set<String> tags,
    String description,
    List<DerivedFeatureDefinition> derivedFeatures,
    List<FeatureDefinition> requestFields) {

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
    derivedFeatures = derivedFeatures == null ? List.of() : List.copyOf(derivedFeatures);
    requestFields = requestFields == null ? List.of() : List.copyOf(requestFields);
    Set<ResourceName> seen = new HashSet<>();
    checkNames("features", features.stream().map(FeatureDefinition::name).toList(), seen);
    checkNames(
        "derivedFeatures",
        derivedFeatures.stream().map(DerivedFeatureDefinition::name).toList(),
        seen);
    checkNames("requestFields", requestFields.stream().map(FeatureDefinition::name).toList(), seen);
    derivedFeatures =
        DerivedFeatures.compile(features, requestFields, derivedFeatures).definitions();
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative()) {
      throw new DomainValidationException("ttlSeconds", "TTL must not be negative");
    }
    owner = owner == null ? "" : owner;
    tags = Set.copyOf(tags);
    description = description == null ? "" : description;
  }

  /** A view without derived features or request fields. */
  public FeatureViewDefinition(
      ResourceName name,
      int version,
      List<ResourceName> entities,
      List<FeatureDefinition> features,
      Duration ttl,
      String owner,
      Set<String> tags,
      String description) {
    this(name, version, entities, features, ttl, owner, tags, description, List.of(), List.of());
  }

  private static void checkNames(String field, List<ResourceName> names, Set<ResourceName> seen) {
    for (int i = 0; i < names.size(); i++) {
      ResourceName name = names.get(i);
      if (name.value().equals(EVENT_TIMESTAMP)) {
        throw new DomainValidationException(
            field + "[" + i + "].name", EVENT_TIMESTAMP + " is reserved for the event time");
      }
      if (!seen.add(name)) {
        throw new DomainValidationException(
            field + "[" + i + "].name", "duplicate name " + name + " in the view");
      }
    }
  }

  /** A copy of this definition as another version. */
  public FeatureViewDefinition withVersion(int newVersion) {
    return new FeatureViewDefinition(
        name,
        newVersion,
        entities,
        features,
        ttl,
        owner,
        tags,
        description,
        derivedFeatures,
        requestFields);
  }

  /** Whether the view offers a feature of this name, stored or derived. */
  public boolean offers(ResourceName feature) {
    return feature(feature).isPresent()
        || derivedFeatures.stream().anyMatch(d -> d.name().equals(feature));
  }

  /** The type of a stored or derived feature of this view. */
  public Optional<FeatureType> featureType(ResourceName feature) {
    return feature(feature)
        .map(FeatureDefinition::type)
        .or(
            () ->
                derivedFeatures.stream()
                    .filter(d -> d.name().equals(feature))
                    .findFirst()
                    .map(DerivedFeatureDefinition::type));
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
