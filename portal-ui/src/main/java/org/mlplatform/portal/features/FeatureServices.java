package org.mlplatform.portal.features;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import java.util.List;
import org.mlplatform.domain.audit.Outcome;
import org.mlplatform.domain.features.FeatureCatalog;
import org.mlplatform.domain.features.FeatureRef;
import org.mlplatform.domain.features.FeatureRegistry;
import org.mlplatform.domain.features.FeatureServiceDefinition;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.audit.AuditRecorder;
import org.mlplatform.portal.search.CatalogChanged;

/**
 * Feature services' application service: each change and its audit record commit together, and the
 * registry checks every referenced feature exists.
 */
@ApplicationScoped
@Transactional
public class FeatureServices {

  @Inject private FeatureCatalog catalog;
  @Inject private AuditRecorder audit;
  @Inject private ServingDefinitions serving;
  @Inject private Event<CatalogChanged> catalogChanged;

  private FeatureRegistry registry() {
    return new FeatureRegistry(catalog);
  }

  /**
   * The features a request names: its list, or its feature service's ({@code name} or {@code
   * name:version}); exactly one of the two.
   */
  public List<FeatureRef> resolve(List<FeatureRef> features, String serviceReference) {
    return registry().resolveFeatures(features, serviceReference);
  }

  /** The service a reference names, {@code name} (newest) or {@code name:version}. */
  public FeatureServiceDefinition byReference(String reference) {
    return registry().serviceByReference(reference);
  }

  public List<FeatureServiceDefinition> latest() {
    return catalog.latestServices();
  }

  public FeatureServiceDefinition latest(ResourceName name) {
    return registry().latestService(name);
  }

  public FeatureServiceDefinition version(ResourceName name, int version) {
    return registry().service(name, version);
  }

  public List<Integer> versions(ResourceName name) {
    return catalog.serviceVersions(name).stream().map(FeatureServiceDefinition::version).toList();
  }

  public FeatureServiceDefinition create(
      FeatureServiceDefinition service, PlatformUser actor, HttpServletRequest request) {
    FeatureServiceDefinition created = registry().createService(service);
    catalogChanged.fire(CatalogChanged.featureService(created.name()));
    serving.clear();
    audit.record(
        actor,
        "feature_service.create",
        target(created),
        summary(created),
        Outcome.SUCCESS,
        request);
    return created;
  }

  public FeatureServiceDefinition update(
      FeatureServiceDefinition service, PlatformUser actor, HttpServletRequest request) {
    FeatureServiceDefinition updated = registry().updateService(service);
    catalogChanged.fire(CatalogChanged.featureService(updated.name()));
    serving.clear();
    audit.record(
        actor,
        "feature_service.update",
        target(updated),
        summary(updated),
        Outcome.SUCCESS,
        request);
    return updated;
  }

  public void delete(ResourceName name, PlatformUser actor, HttpServletRequest request) {
    registry().deleteService(name);
    catalogChanged.fire(CatalogChanged.featureService(name));
    serving.clear();
    audit.record(
        actor,
        "feature_service.delete",
        "feature_service:" + name,
        "deleted all versions",
        Outcome.SUCCESS,
        request);
  }

  private static String target(FeatureServiceDefinition service) {
    return "feature_service:" + service.name() + ":v" + service.version();
  }

  private static String summary(FeatureServiceDefinition service) {
    return "version " + service.version() + ", features " + service.features();
  }
}
