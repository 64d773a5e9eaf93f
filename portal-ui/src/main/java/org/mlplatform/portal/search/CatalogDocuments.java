package org.mlplatform.portal.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mlplatform.domain.features.FeatureCatalog;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.Alias;
import org.mlplatform.domain.models.ModelDefinition;
import org.mlplatform.domain.models.ModelRepository;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.Page;
import org.mlplatform.domain.models.PageRequest;
import org.mlplatform.search.CatalogDocument;

/**
 * Reads the catalogue from the database as search documents: all of it for a rebuild, or one
 * changed item. Each call reads in one transaction, so a rebuild sees one consistent catalogue.
 * Only the newest version of a feature view or feature service is a document: that is what the
 * portal shows, and older versions stay reachable from it.
 */
@ApplicationScoped
@Transactional
public class CatalogDocuments {

  /** Models and versions are read this many at a time. */
  private static final int PAGE = PageRequest.MAX_LIMIT;

  private FeatureCatalog features;
  private ModelRepository models;

  /** For CDI's proxy. */
  protected CatalogDocuments() {}

  @Inject
  public CatalogDocuments(FeatureCatalog features, ModelRepository models) {
    this.features = features;
    this.models = models;
  }

  /** Every document of the catalogue. */
  public List<CatalogDocument> all() {
    List<CatalogDocument> documents = new ArrayList<>();
    features.entities().forEach(e -> documents.add(DocumentMapping.entity(e)));
    features.latestViews().forEach(v -> documents.addAll(DocumentMapping.view(v)));
    features.latestServices().forEach(s -> documents.add(DocumentMapping.service(s)));
    for (int offset = 0; ; offset += PAGE) {
      Page<ModelDefinition> page = models.models(null, new PageRequest(offset, PAGE));
      documents.addAll(models(page.items()));
      if (!page.hasNext()) {
        return documents;
      }
    }
  }

  /** A page of models with their versions and aliases in three reads, not three per model. */
  private List<CatalogDocument> models(List<ModelDefinition> page) {
    List<ResourceName> names = page.stream().map(ModelDefinition::name).toList();
    Map<ResourceName, List<ModelVersion>> versions =
        models.versionsOf(names).stream()
            .collect(Collectors.groupingBy(ModelVersion::model, Collectors.toList()));
    Map<ResourceName, List<Alias>> aliases =
        models.aliasesOf(names).stream()
            .collect(Collectors.groupingBy(Alias::model, Collectors.toList()));
    List<CatalogDocument> documents = new ArrayList<>();
    for (ModelDefinition model : page) {
      documents.addAll(
          DocumentMapping.model(
              model,
              versions.getOrDefault(model.name(), List.of()),
              aliases.getOrDefault(model.name(), List.of())));
    }
    return documents;
  }

  /**
   * What the index must do after {@code change} committed: the item's documents as they are now, or
   * their removal when the item is gone. A view's features are removed first and written again,
   * since a new version may have dropped some; a model's versions are never deleted while it
   * exists, so writing them again is enough.
   */
  public IndexChange changed(CatalogChanged change) {
    ResourceName name = change.name();
    return switch (change.kind()) {
      case ENTITY ->
          features
              .entity(name)
              .map(e -> IndexChange.write(DocumentMapping.entity(e)))
              .orElseGet(() -> IndexChange.remove(DocumentMapping.entityId(name)));
      case FEATURE_VIEW -> {
        Optional<FeatureViewDefinition> view = features.latestView(name);
        yield new IndexChange(
            view.isPresent() ? List.of() : List.of(DocumentMapping.viewId(name)),
            List.of(DocumentMapping.featurePrefix(name)),
            view.map(DocumentMapping::view).orElse(List.of()));
      }
      case FEATURE_SERVICE ->
          features
              .latestService(name)
              .map(s -> IndexChange.write(DocumentMapping.service(s)))
              .orElseGet(() -> IndexChange.remove(DocumentMapping.serviceId(name)));
      case MODEL -> {
        Optional<ModelDefinition> model = models.model(name);
        yield model.isPresent()
            ? new IndexChange(List.of(), List.of(), model(model.get()))
            : new IndexChange(
                List.of(DocumentMapping.modelId(name)),
                List.of(DocumentMapping.versionPrefix(name)),
                List.of());
      }
    };
  }

  private List<CatalogDocument> model(ModelDefinition model) {
    List<ModelVersion> versions = new ArrayList<>();
    for (int offset = 0; ; offset += PAGE) {
      Page<ModelVersion> page = models.versions(model.name(), new PageRequest(offset, PAGE));
      versions.addAll(page.items());
      if (!page.hasNext()) {
        break;
      }
    }
    return DocumentMapping.model(model, versions, models.aliases(model.name()));
  }
}
