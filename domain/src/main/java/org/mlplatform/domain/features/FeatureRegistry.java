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
    for (FeatureServiceDefinition service : catalog.latestServices()) {
      for (FeatureRef ref : service.features()) {
        if (ref.view().equals(next.name()) && !next.offers(ref.feature())) {
          throw new ConflictException(
              "feature "
                  + ref
                  + " is used by feature service "
                  + service.name()
                  + "; change the"
                  + " service first");
        }
      }
    }
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
    List<String> users =
        catalog.latestServices().stream()
            .filter(s -> s.uses(name))
            .map(s -> s.name().value())
            .toList();
    if (!users.isEmpty()) {
      throw new ConflictException("feature view " + name + " is used by feature services " + users);
    }
    catalog.deleteView(name);
  }

  /** Registers a new feature service as version 1. */
  public FeatureServiceDefinition createService(FeatureServiceDefinition draft) {
    if (catalog.latestService(draft.name()).isPresent()) {
      throw new ConflictException("feature service " + draft.name() + " already exists");
    }
    checkFeatures(draft);
    FeatureServiceDefinition first = draft.withVersion(1);
    catalog.saveService(first);
    return first;
  }

  /**
   * Applies a changed feature service: a new version when its feature list changed, otherwise the
   * current version with the new owner, tags and description.
   */
  public FeatureServiceDefinition updateService(FeatureServiceDefinition draft) {
    FeatureServiceDefinition current = latestService(draft.name());
    checkFeatures(draft);
    FeatureServiceDefinition next =
        draft.withVersion(
            current.features().equals(draft.features())
                ? current.version()
                : current.version() + 1);
    catalog.saveService(next);
    return next;
  }

  public FeatureServiceDefinition latestService(ResourceName name) {
    return catalog
        .latestService(name)
        .orElseThrow(() -> new NotFoundException("no feature service named " + name));
  }

  public FeatureServiceDefinition service(ResourceName name, int version) {
    return catalog
        .service(name, version)
        .orElseThrow(
            () -> new NotFoundException("feature service " + name + " has no version " + version));
  }

  public void deleteService(ResourceName name) {
    latestService(name);
    catalog.deleteService(name);
  }

  /**
   * The feature references of a request: the given list, or the features of the named service (its
   * newest version, or {@code name:version}). Exactly one of the two must be given.
   */
  public List<FeatureRef> resolveFeatures(List<FeatureRef> features, String serviceReference) {
    boolean hasFeatures = features != null && !features.isEmpty();
    boolean hasService = serviceReference != null && !serviceReference.isBlank();
    if (hasFeatures == hasService) {
      throw new DomainValidationException(
          "features", "give either a list of features or a feature service, not both or neither");
    }
    if (hasFeatures) {
      return List.copyOf(features);
    }
    try {
      return serviceByReference(serviceReference).features();
    } catch (NotFoundException e) {
      throw new DomainValidationException("feature_service", e.getMessage());
    }
  }

  /** A feature service by {@code name} (newest version) or {@code name:version}. */
  public FeatureServiceDefinition serviceByReference(String reference) {
    int colon = reference.indexOf(':');
    if (colon < 0) {
      return latestService(ResourceName.of("feature_service", reference.strip()));
    }
    ResourceName name = ResourceName.of("feature_service", reference.substring(0, colon).strip());
    try {
      return service(name, Integer.parseInt(reference.substring(colon + 1).strip()));
    } catch (NumberFormatException e) {
      throw new DomainValidationException(
          "feature_service", "expected 'name' or 'name:version', got '" + reference + "'");
    }
  }

  private void checkFeatures(FeatureServiceDefinition service) {
    for (int i = 0; i < service.features().size(); i++) {
      FeatureRef ref = service.features().get(i);
      FeatureViewDefinition view =
          catalog
              .latestView(ref.view())
              .orElseThrow(
                  () ->
                      new DomainValidationException(
                          "features", "unknown feature view " + ref.view() + " in " + ref));
      if (!view.offers(ref.feature())) {
        throw new DomainValidationException(
            "features", "feature view " + ref.view() + " has no feature " + ref.feature());
      }
    }
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
    checkNotJoinKeys(
        "derivedFeatures",
        view.derivedFeatures().stream().map(DerivedFeatureDefinition::name).toList(),
        keyNames);
    checkNotJoinKeys(
        "requestFields",
        view.requestFields().stream().map(FeatureDefinition::name).toList(),
        keyNames);
    for (int i = 0; i < view.features().size(); i++) {
      if (keyNames.contains(view.features().get(i).name())) {
        throw new DomainValidationException(
            "features[" + i + "].name",
            "feature " + view.features().get(i).name() + " has the name of a join key");
      }
    }
  }

  private static void checkNotJoinKeys(
      String field, List<ResourceName> names, Set<ResourceName> keyNames) {
    for (int i = 0; i < names.size(); i++) {
      if (keyNames.contains(names.get(i))) {
        throw new DomainValidationException(
            field + "[" + i + "].name", names.get(i) + " is the name of a join key");
      }
    }
  }

  private static FeatureViewDefinition withVersion(FeatureViewDefinition v, int version) {
    return v.withVersion(version);
  }
}
