package org.mlplatform.portal.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mlplatform.domain.features.DerivedFeatureDefinition;
import org.mlplatform.domain.features.EntityDefinition;
import org.mlplatform.domain.features.FeatureDefinition;
import org.mlplatform.domain.features.FeatureServiceDefinition;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.Alias;
import org.mlplatform.domain.models.ModelDefinition;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.search.CatalogDocument;
import org.mlplatform.search.DocumentType;

/**
 * How each catalogue item reads as a search document: its id, the name people type, a description
 * that also names what the item is made of (so "customer_id" finds the entity with that join key),
 * and the portal page it links to.
 *
 * <p>Features answer to their view's owner and carry its tags, and versions their model's, so a
 * filter by owner or tag finds the parts of an item too. Feature-store definitions keep no change
 * time, so their documents carry {@link Instant#EPOCH} and sort last by "updated".
 */
final class DocumentMapping {

  private DocumentMapping() {}

  static String entityId(ResourceName entity) {
    return DocumentType.ENTITY.key() + ":" + entity;
  }

  static String viewId(ResourceName view) {
    return DocumentType.FEATURE_VIEW.key() + ":" + view;
  }

  /** Every feature of a view, and of no other view (the trailing colon ends the view's name). */
  static String featurePrefix(ResourceName view) {
    return DocumentType.FEATURE.key() + ":" + view + ":";
  }

  static String serviceId(ResourceName service) {
    return DocumentType.FEATURE_SERVICE.key() + ":" + service;
  }

  static String modelId(ResourceName model) {
    return DocumentType.MODEL.key() + ":" + model;
  }

  /** Every version of a model, and of no other model. */
  static String versionPrefix(ResourceName model) {
    return DocumentType.MODEL_VERSION.key() + ":" + model + ":";
  }

  /** Entities have no page of their own: the link leads to the catalogue that lists them. */
  static CatalogDocument entity(EntityDefinition entity) {
    String keys =
        entity.joinKeys().stream()
            .map(k -> k.name() + " (" + k.type() + ")")
            .collect(Collectors.joining(", "));
    return new CatalogDocument(
        entityId(entity.name()),
        DocumentType.ENTITY,
        entity.name().value(),
        sentences(entity.description(), "Join keys: " + keys + "."),
        List.of(),
        null,
        List.of(),
        null,
        "features",
        Instant.EPOCH);
  }

  /** The view's own document followed by one per stored and on-demand feature. */
  static List<CatalogDocument> view(FeatureViewDefinition view) {
    List<CatalogDocument> documents = new ArrayList<>();
    String link = "features/" + view.name();
    List<String> tags = sorted(view.tags());
    String featureNames =
        Stream.concat(
                view.features().stream().map(FeatureDefinition::name),
                view.derivedFeatures().stream().map(DerivedFeatureDefinition::name))
            .map(ResourceName::value)
            .collect(Collectors.joining(", "));
    documents.add(
        new CatalogDocument(
            viewId(view.name()),
            DocumentType.FEATURE_VIEW,
            view.name().value(),
            sentences(
                view.description(),
                "Version " + view.version() + ".",
                "Entities: " + join(view.entities()) + ".",
                "Features: " + featureNames + "."),
            tags,
            owner(view.owner()),
            List.of(),
            null,
            link,
            Instant.EPOCH));
    for (FeatureDefinition feature : view.features()) {
      documents.add(
          feature(
              view,
              feature.name(),
              sentences(
                  feature.description(),
                  feature.type() + " feature of feature view " + view.name() + ".")));
    }
    for (DerivedFeatureDefinition derived : view.derivedFeatures()) {
      documents.add(
          feature(
              view,
              derived.name(),
              sentences(
                  derived.description(),
                  "On-demand " + derived.type() + " feature of feature view " + view.name() + ":",
                  derived.expression())));
    }
    return documents;
  }

  private static CatalogDocument feature(
      FeatureViewDefinition view, ResourceName feature, String description) {
    return new CatalogDocument(
        featurePrefix(view.name()) + feature,
        DocumentType.FEATURE,
        view.name() + ":" + feature,
        description,
        sorted(view.tags()),
        owner(view.owner()),
        List.of(),
        null,
        "features/" + view.name(),
        Instant.EPOCH);
  }

  /** Feature services have no page of their own: the link leads to the catalogue listing them. */
  static CatalogDocument service(FeatureServiceDefinition service) {
    return new CatalogDocument(
        serviceId(service.name()),
        DocumentType.FEATURE_SERVICE,
        service.name().value(),
        sentences(
            service.description(),
            "Version " + service.version() + ".",
            "Features: " + join(service.features()) + "."),
        sorted(service.tags()),
        owner(service.owner()),
        List.of(),
        null,
        "features",
        Instant.EPOCH);
  }

  /**
   * The model's document followed by one per version. The model carries all its aliases; a version
   * the aliases pointing at it. The model counts as updated when it or its newest version changed.
   */
  static List<CatalogDocument> model(
      ModelDefinition model, Collection<ModelVersion> versions, Collection<Alias> aliases) {
    List<CatalogDocument> documents = new ArrayList<>();
    Instant updated =
        versions.stream()
            .map(ModelVersion::registeredAt)
            .filter(at -> at.isAfter(model.updatedAt()))
            .max(Instant::compareTo)
            .orElse(model.updatedAt());
    documents.add(
        new CatalogDocument(
            modelId(model.name()),
            DocumentType.MODEL,
            model.name().value(),
            model.description(),
            sorted(model.tags()),
            owner(model.owner()),
            sorted(aliases.stream().map(a -> a.name().value()).toList()),
            null,
            "models/" + model.name(),
            updated));
    for (ModelVersion version : versions) {
      documents.add(version(model, version, aliases));
    }
    return documents;
  }

  private static CatalogDocument version(
      ModelDefinition model, ModelVersion version, Collection<Alias> aliases) {
    List<String> pointing =
        aliases.stream()
            .filter(a -> a.version() == version.number())
            .map(a -> a.name().value())
            .toList();
    return new CatalogDocument(
        versionPrefix(model.name()) + version.number(),
        DocumentType.MODEL_VERSION,
        model.name() + " v" + version.number(),
        sentences(
            version.description(),
            "Version " + version.number() + " of model " + model.name() + ",",
            "registered by " + version.registeredBy() + ".",
            version.lineage().algorithm().map(a -> "Algorithm " + a + ".").orElse(""),
            version.lineage().featureService().map(s -> "Feature service " + s + ".").orElse("")),
        sorted(model.tags()),
        owner(model.owner()),
        sorted(pointing),
        version.metrics(),
        "models/" + model.name() + "/versions/" + version.number(),
        version.registeredAt());
  }

  /** Blank parts left out, the rest joined with spaces. */
  static String sentences(String... parts) {
    return Stream.of(parts)
        .filter(Objects::nonNull)
        .map(String::strip)
        .filter(p -> !p.isEmpty())
        .collect(Collectors.joining(" "));
  }

  private static String owner(String owner) {
    return owner == null || owner.isBlank() ? null : owner.strip();
  }

  /** Sorted, so that the same item always makes the same document (and fingerprint). */
  private static List<String> sorted(Collection<String> values) {
    return values.stream().sorted().toList();
  }

  private static String join(Collection<?> values) {
    return values.stream().map(Object::toString).collect(Collectors.joining(", "));
  }
}
