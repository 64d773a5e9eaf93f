package org.mlplatform.domain.features;

import java.util.List;
import java.util.Optional;

/**
 * Where feature-store definitions are kept: entities, every version of every feature view, and
 * feature services. Implementations join the caller's transaction.
 */
public interface FeatureCatalog {

  Optional<EntityDefinition> entity(ResourceName name);

  /** All entities, by name. */
  List<EntityDefinition> entities();

  /** Inserts a new entity or replaces the stored one with the same name. */
  void saveEntity(EntityDefinition entity);

  void deleteEntity(ResourceName name);

  /** The newest version of a view. */
  Optional<FeatureViewDefinition> latestView(ResourceName name);

  Optional<FeatureViewDefinition> view(ResourceName name, int version);

  /** The newest version of every view, by name. */
  List<FeatureViewDefinition> latestViews();

  /** Every version of a view, oldest first. */
  List<FeatureViewDefinition> viewVersions(ResourceName name);

  /** Inserts a view version, or replaces the stored one with the same name and version. */
  void saveView(FeatureViewDefinition view);

  /** Deletes every version of a view. */
  void deleteView(ResourceName name);

  /** The newest version of a feature service. */
  Optional<FeatureServiceDefinition> latestService(ResourceName name);

  Optional<FeatureServiceDefinition> service(ResourceName name, int version);

  /** The newest version of every feature service, by name. */
  List<FeatureServiceDefinition> latestServices();

  /** Every version of a feature service, oldest first. */
  List<FeatureServiceDefinition> serviceVersions(ResourceName name);

  /** Inserts a service version, or replaces the stored one with the same name and version. */
  void saveService(FeatureServiceDefinition service);

  /** Deletes every version of a feature service. */
  void deleteService(ResourceName name);
}
