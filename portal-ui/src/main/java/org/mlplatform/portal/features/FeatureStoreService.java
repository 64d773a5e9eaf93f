package org.mlplatform.portal.features;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import java.util.List;
import org.mlplatform.domain.audit.Outcome;
import org.mlplatform.domain.features.EntityDefinition;
import org.mlplatform.domain.features.FeatureCatalog;
import org.mlplatform.domain.features.FeatureRef;
import org.mlplatform.domain.features.FeatureRegistry;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.features.offline.OfflineStore;
import org.mlplatform.domain.features.offline.OfflineTable;
import org.mlplatform.domain.features.training.TrainingSetPlan;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.audit.AuditRecorder;
import org.mlplatform.portal.search.CatalogChanged;

/**
 * The feature store's application service: one transaction per call, in which the registry applies
 * its rules and the audit record is written, so a change and its audit record commit together.
 */
@ApplicationScoped
@Transactional
public class FeatureStoreService {

  @Inject private FeatureCatalog catalog;
  @Inject private AuditRecorder audit;
  @Inject private ServingDefinitions serving;
  @Inject private OfflineStore offline;
  @Inject private Event<CatalogChanged> catalogChanged;

  private FeatureRegistry registry() {
    return new FeatureRegistry(catalog);
  }

  public List<EntityDefinition> entities() {
    return catalog.entities();
  }

  public EntityDefinition entity(ResourceName name) {
    return registry().entity(name);
  }

  public EntityDefinition createEntity(
      EntityDefinition entity, PlatformUser actor, HttpServletRequest request) {
    EntityDefinition created = registry().createEntity(entity);
    catalogChanged.fire(CatalogChanged.entity(created.name()));
    serving.clear();
    audit.record(
        actor,
        "entity.create",
        "entity:" + entity.name(),
        summary(entity),
        Outcome.SUCCESS,
        request);
    return created;
  }

  public EntityDefinition updateEntity(
      EntityDefinition entity, PlatformUser actor, HttpServletRequest request) {
    EntityDefinition updated = registry().updateEntity(entity);
    catalogChanged.fire(CatalogChanged.entity(updated.name()));
    serving.clear();
    audit.record(
        actor,
        "entity.update",
        "entity:" + entity.name(),
        summary(entity),
        Outcome.SUCCESS,
        request);
    return updated;
  }

  public void deleteEntity(ResourceName name, PlatformUser actor, HttpServletRequest request) {
    registry().deleteEntity(name);
    catalogChanged.fire(CatalogChanged.entity(name));
    serving.clear();
    audit.record(actor, "entity.delete", "entity:" + name, "deleted", Outcome.SUCCESS, request);
  }

  /** Plans a training set over the newest versions of the views behind these features. */
  public TrainingSetPlan plan(List<FeatureRef> features) {
    return TrainingSetPlan.of(features, registry());
  }

  /**
   * Every feature a training set or service can name, stored or derived, as {@code view:feature}.
   */
  public List<String> featureReferences() {
    List<String> refs = new java.util.ArrayList<>();
    for (FeatureViewDefinition view : catalog.latestViews()) {
      view.features().forEach(f -> refs.add(view.name() + ":" + f.name()));
      view.derivedFeatures().forEach(d -> refs.add(view.name() + ":" + d.name()));
    }
    return refs;
  }

  public List<FeatureViewDefinition> latestViews() {
    return catalog.latestViews();
  }

  public FeatureViewDefinition latestView(ResourceName name) {
    return registry().latestView(name);
  }

  public FeatureViewDefinition view(ResourceName name, int version) {
    return registry().view(name, version);
  }

  public List<Integer> versions(ResourceName name) {
    return catalog.viewVersions(name).stream().map(FeatureViewDefinition::version).toList();
  }

  public List<String> joinKeyNames(FeatureViewDefinition view) {
    return registry().joinKeys(view).stream().map(k -> k.name().value()).toList();
  }

  public FeatureViewDefinition createView(
      FeatureViewDefinition view, PlatformUser actor, HttpServletRequest request) {
    FeatureViewDefinition created = registry().createView(view);
    catalogChanged.fire(CatalogChanged.featureView(created.name()));
    serving.clear();
    audit.record(
        actor, "feature_view.create", target(created), summary(created), Outcome.SUCCESS, request);
    return created;
  }

  public FeatureViewDefinition updateView(
      FeatureViewDefinition view, PlatformUser actor, HttpServletRequest request) {
    FeatureViewDefinition updated = registry().updateView(view);
    catalogChanged.fire(CatalogChanged.featureView(updated.name()));
    serving.clear();
    audit.record(
        actor, "feature_view.update", target(updated), summary(updated), Outcome.SUCCESS, request);
    return updated;
  }

  /**
   * Deletes a view's definitions. A view whose versions hold stored rows is refused: dropping
   * feature data is not offered yet, and a view recreated under the same name must not inherit it.
   */
  public void deleteView(ResourceName name, PlatformUser actor, HttpServletRequest request) {
    long stored =
        catalog.viewVersions(name).stream()
            .mapToLong(
                v ->
                    offline.count(
                        OfflineTable.of(v, v.entities().stream().map(this::entity).toList())))
            .sum();
    if (stored > 0) {
      throw new FeatureRegistry.ConflictException(
          "feature view "
              + name
              + " holds "
              + stored
              + " stored rows; deleting feature data is not supported yet");
    }
    registry().deleteView(name);
    catalogChanged.fire(CatalogChanged.featureView(name));
    serving.clear();
    audit.record(
        actor,
        "feature_view.delete",
        "feature_view:" + name,
        "deleted all versions",
        Outcome.SUCCESS,
        request);
  }

  private static String target(FeatureViewDefinition view) {
    return "feature_view:" + view.name() + ":v" + view.version();
  }

  private static String summary(EntityDefinition entity) {
    return "join keys " + entity.joinKeys().stream().map(k -> k.name() + " " + k.type()).toList();
  }

  private static String summary(FeatureViewDefinition view) {
    return "version "
        + view.version()
        + ", entities "
        + view.entities()
        + ", "
        + view.features().size()
        + " features, TTL "
        + view.ttl().toSeconds()
        + " s";
  }
}
