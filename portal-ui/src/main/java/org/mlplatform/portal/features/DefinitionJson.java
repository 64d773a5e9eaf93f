package org.mlplatform.portal.features;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.DerivedFeatureDefinition;
import org.mlplatform.domain.features.EntityDefinition;
import org.mlplatform.domain.features.FeatureDefinition;
import org.mlplatform.domain.features.FeatureRef;
import org.mlplatform.domain.features.FeatureServiceDefinition;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.features.JoinKey;
import org.mlplatform.domain.features.ResourceName;

/**
 * The JSON shapes of feature-store definitions (as in DESIGN.md) and their translation into domain
 * values, naming the offending field when an input is wrong.
 */
public final class DefinitionJson {

  private DefinitionJson() {}

  /** A typed column: a join key or a feature. */
  public record Column(String name, String type, String description) {}

  /** An on-demand feature: an expression over the view's features and request fields. */
  public record DerivedColumn(String name, String expression, String type, String description) {}

  /** {@code POST /api/v1/entities}. */
  public record EntityJson(String name, List<Column> joinKeys, String description) {

    public static EntityJson of(EntityDefinition e) {
      return new EntityJson(
          e.name().value(),
          e.joinKeys().stream()
              .map(k -> new Column(k.name().value(), k.type().name(), null))
              .toList(),
          e.description());
    }

    public EntityDefinition toDefinition() {
      ResourceName entity = ResourceName.of("name", name);
      if (joinKeys == null || joinKeys.isEmpty()) {
        throw new DomainValidationException("joinKeys", "an entity needs at least one join key");
      }
      List<JoinKey> keys = new ArrayList<>();
      for (int i = 0; i < joinKeys.size(); i++) {
        String field = "joinKeys[" + i + "]";
        Column c = required(joinKeys.get(i), field);
        FeatureType type = type(c.type(), field + ".type");
        if (!type.isJoinKeyType()) {
          throw new DomainValidationException(
              field + ".type", "a join key must be INT32, INT64 or STRING, not " + type);
        }
        keys.add(new JoinKey(ResourceName.of(field + ".name", c.name()), type));
      }
      return new EntityDefinition(entity, keys, description);
    }
  }

  /** {@code POST /api/v1/feature-views} and what {@code GET} returns. */
  public record FeatureViewJson(
      String name,
      Integer version,
      List<Integer> versions,
      List<String> entities,
      List<String> joinKeys,
      List<Column> features,
      Long ttlSeconds,
      String owner,
      List<String> tags,
      String description,
      List<DerivedColumn> derivedFeatures,
      List<Column> requestFields) {

    public static FeatureViewJson of(
        FeatureViewDefinition v, List<Integer> versions, List<String> joinKeys) {
      return new FeatureViewJson(
          v.name().value(),
          v.version(),
          versions,
          v.entities().stream().map(ResourceName::value).toList(),
          joinKeys,
          v.features().stream()
              .map(f -> new Column(f.name().value(), f.type().name(), f.description()))
              .toList(),
          v.ttl().toSeconds(),
          v.owner(),
          v.tags().stream().sorted().toList(),
          v.description(),
          v.derivedFeatures().stream()
              .map(
                  d ->
                      new DerivedColumn(
                          d.name().value(), d.expression(), d.type().name(), d.description()))
              .toList(),
          v.requestFields().stream()
              .map(f -> new Column(f.name().value(), f.type().name(), f.description()))
              .toList());
    }

    /** This JSON under another name (the path's), keeping everything a client may set. */
    public FeatureViewJson named(String pathName) {
      return new FeatureViewJson(
          pathName,
          null,
          null,
          entities,
          null,
          features,
          ttlSeconds,
          owner,
          tags,
          description,
          derivedFeatures,
          requestFields);
    }

    /** The definition this JSON asks for; the version is decided by the registry. */
    public FeatureViewDefinition toDefinition(String defaultOwner) {
      ResourceName view = ResourceName.of("name", name);
      if (entities == null || entities.isEmpty()) {
        throw new DomainValidationException("entities", "a feature view needs at least one entity");
      }
      List<ResourceName> entityNames = new ArrayList<>();
      for (int i = 0; i < entities.size(); i++) {
        entityNames.add(ResourceName.of("entities[" + i + "]", entities.get(i)));
      }
      if (features == null || features.isEmpty()) {
        throw new DomainValidationException(
            "features", "a feature view needs at least one feature");
      }
      List<FeatureDefinition> defs = columns(features, "features");
      long ttl = ttlSeconds == null ? 0 : ttlSeconds;
      if (ttl < 0) {
        throw new DomainValidationException("ttlSeconds", "TTL must not be negative");
      }
      List<DerivedFeatureDefinition> derived = new ArrayList<>();
      List<DerivedColumn> given = derivedFeatures == null ? List.of() : derivedFeatures;
      for (int i = 0; i < given.size(); i++) {
        String field = "derivedFeatures[" + i + "]";
        DerivedColumn d = given.get(i);
        if (d == null) {
          throw new DomainValidationException(field, "must not be null");
        }
        if (d.expression() == null || d.expression().isBlank()) {
          throw new DomainValidationException(field + ".expression", "an expression is required");
        }
        derived.add(
            new DerivedFeatureDefinition(
                ResourceName.of(field + ".name", d.name()),
                d.expression(),
                d.type() == null || d.type().isBlank() ? null : type(d.type(), field + ".type"),
                d.description()));
      }
      return new FeatureViewDefinition(
          view,
          1,
          entityNames,
          defs,
          Duration.ofSeconds(ttl),
          owner == null || owner.isBlank() ? defaultOwner : owner,
          tagSet(tags),
          description,
          derived,
          requestFields == null ? List.of() : columns(requestFields, "requestFields"));
    }
  }

  /** {@code POST /api/v1/feature-services} and what {@code GET} returns. */
  public record FeatureServiceJson(
      String name,
      Integer version,
      List<Integer> versions,
      List<String> features,
      String owner,
      List<String> tags,
      String description) {

    public static FeatureServiceJson of(FeatureServiceDefinition s, List<Integer> versions) {
      return new FeatureServiceJson(
          s.name().value(),
          s.version(),
          versions,
          s.features().stream().map(Object::toString).toList(),
          s.owner(),
          s.tags().stream().sorted().toList(),
          s.description());
    }

    public FeatureServiceJson named(String pathName) {
      return new FeatureServiceJson(pathName, null, null, features, owner, tags, description);
    }

    /** The definition this JSON asks for; the version is decided by the registry. */
    public FeatureServiceDefinition toDefinition(String defaultOwner) {
      ResourceName service = ResourceName.of("name", name);
      if (features == null || features.isEmpty()) {
        throw new DomainValidationException(
            "features", "a feature service needs at least one feature");
      }
      List<FeatureRef> refs = new ArrayList<>();
      for (int i = 0; i < features.size(); i++) {
        refs.add(FeatureRef.parse("features[" + i + "]", features.get(i)));
      }
      return new FeatureServiceDefinition(
          service,
          1,
          refs,
          owner == null || owner.isBlank() ? defaultOwner : owner,
          tagSet(tags),
          description);
    }
  }

  private static List<FeatureDefinition> columns(List<Column> columns, String name) {
    List<FeatureDefinition> defs = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      String field = name + "[" + i + "]";
      Column c = required(columns.get(i), field);
      defs.add(
          new FeatureDefinition(
              ResourceName.of(field + ".name", c.name()),
              type(c.type(), field + ".type"),
              c.description()));
    }
    return defs;
  }

  private static Set<String> tagSet(List<String> tags) {
    Set<String> tagSet = new HashSet<>();
    for (String tag : tags == null ? List.<String>of() : tags) {
      if (tag == null || tag.isBlank() || tag.length() > 100) {
        throw new DomainValidationException("tags", "tags are 1 to 100 characters");
      }
      tagSet.add(tag.strip());
    }
    return tagSet;
  }

  private static Column required(Column column, String field) {
    if (column == null) {
      throw new DomainValidationException(field, "must not be null");
    }
    return column;
  }

  private static FeatureType type(String type, String field) {
    return FeatureType.parse(type)
        .orElseThrow(
            () ->
                new DomainValidationException(
                    field,
                    "unknown type '"
                        + type
                        + "': use one of "
                        + Arrays.toString(FeatureType.values())));
  }
}
