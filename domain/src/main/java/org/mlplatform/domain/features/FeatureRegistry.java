package org.mlplatform.domain.features;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mlplatform.domain.DomainValidationException;

/**
 * The rules for defining entities and feature views: names are unique, a view's entities exist and
 * their join keys do not clash with its features, an entity in use cannot go, and a schema change
 * to a view makes a new version while descriptive changes stay on the current one.
 */
public final class FeatureRegistry {

  /** An operation that conflicts with what exists (HTTP 409). */
  public static final class ConflictException extends RuntimeException {
    public ConflictException(String message) {
      super(message);
    }
  }

  /** A named object that does not exist (HTTP 404). */
  public static final class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
      super(message);
    }
  }

  private final FeatureCatalog catalog;

  public FeatureRegistry(FeatureCatalog catalog) {
    this.catalog = catalog;
  }

  public EntityDefinition createEntity(EntityDefinition entity) {
    if (catalog.entity(entity.name()).isPresent()) {
      throw new ConflictException("entity " + entity.name() + " already exists");
    }
    catalog.saveEntity(entity);
    return entity;
  }

  /** Changes an entity's description; its join keys identify stored data and cannot change. */
  public EntityDefinition updateEntity(EntityDefinition entity) {
    EntityDefinition current = entity(entity.name());
    if (!current.joinKeys().equals(entity.joinKeys())) {
      throw new DomainValidationException(
          "joinKeys", "the join keys of an entity cannot change; create a new entity instead");
    }
    catalog.saveEntity(entity);
    return entity;
  }

  public void deleteEntity(ResourceName name) {
    entity(name);
    List<String> users =
        catalog.latestViews().stream()
            .filter(v -> v.entities().contains(name))
            .map(v -> v.name().value())
            .toList();
    if (!users.isEmpty()) {
      throw new ConflictException("entity " + name + " is used by feature views " + users);
    }
    catalog.deleteEntity(name);
  }

  public EntityDefinition entity(ResourceName name) {
    return catalog.entity(name).orElseThrow(() -> new NotFoundException("no entity named " + name));
  }

  /** Registers a new view as version 1. */
  public FeatureViewDefinition createView(FeatureViewDefinition draft) {
    if (catalog.latestView(draft.name()).isPresent()) {
      throw new ConflictException("feature view " + draft.name() + " already exists");
    }
    FeatureViewDefinition first = withVersion(draft, 1);
    checkEntities(first);
    catalog.saveView(first);
    return first;
  }

  /**
   * Applies a changed definition: a new version when the schema (entities, feature names or types)
   * changed, otherwise the current version with the new owner, tags, TTL and descriptions.
   */
  public FeatureViewDefinition updateView(FeatureViewDefinition draft) {
    FeatureViewDefinition current = latestView(draft.name());
    FeatureViewDefinition next =
        withVersion(
            draft, current.hasSameSchemaAs(draft) ? current.version() : current.version() + 1);
    checkEntities(next);
    catalog.saveView(next);
    return next;
  }

  public FeatureViewDefinition latestView(ResourceName name) {
    return catalog
        .latestView(name)
        .orElseThrow(() -> new NotFoundException("no feature view named " + name));
  }

  public FeatureViewDefinition view(ResourceName name, int version) {
    return catalog
        .view(name, version)
        .orElseThrow(
            () -> new NotFoundException("feature view " + name + " has no version " + version));
  }

  public void deleteView(ResourceName name) {
    latestView(name);
    catalog.deleteView(name);
  }

  /** The join keys of a view's entities, in entity order: the key columns of its data. */
  public List<JoinKey> joinKeys(FeatureViewDefinition view) {
    return view.entities().stream().flatMap(e -> entity(e).joinKeys().stream()).toList();
  }

  private void checkEntities(FeatureViewDefinition view) {
    Set<ResourceName> keyNames = new HashSet<>();
    for (int i = 0; i < view.entities().size(); i++) {
      ResourceName name = view.entities().get(i);
      EntityDefinition entity =
          catalog
              .entity(name)
              .orElseThrow(
                  () -> new DomainValidationException("entities", "unknown entity " + name));
      for (JoinKey key : entity.joinKeys()) {
        if (!keyNames.add(key.name())) {
          throw new DomainValidationException(
              "entities", "join key " + key.name() + " appears in more than one entity");
        }
      }
    }
    for (int i = 0; i < view.features().size(); i++) {
      if (keyNames.contains(view.features().get(i).name())) {
        throw new DomainValidationException(
            "features[" + i + "].name",
            "feature " + view.features().get(i).name() + " has the name of a join key");
      }
    }
  }

  private static FeatureViewDefinition withVersion(FeatureViewDefinition v, int version) {
    return new FeatureViewDefinition(
        v.name(),
        version,
        v.entities(),
        v.features(),
        v.ttl(),
        v.owner(),
        v.tags(),
        v.description());
  }
}
