package org.mlplatform.portal.search;

import java.util.Objects;
import org.mlplatform.domain.features.ResourceName;

/**
 * Something in the catalogue changed: created, updated or deleted. Fired inside the changing
 * transaction; the {@link CatalogIndexer} observes it only after the commit, re-reads the item and
 * updates the index, so the event carries no content that could go stale or belong to a rolled-back
 * change.
 *
 * @param kind what kind of item; a model stands for the model and all its versions
 * @param name the item's name
 */
public record CatalogChanged(Kind kind, ResourceName name) {

  /** The kinds of catalogue item whose documents are re-read together. */
  public enum Kind {
    ENTITY,
    /** A view and its features. */
    FEATURE_VIEW,
    FEATURE_SERVICE,
    /**
     * A model and its versions (a registration or an alias move changes the versions' documents).
     */
    MODEL
  }

  public CatalogChanged {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  public static CatalogChanged entity(ResourceName name) {
    return new CatalogChanged(Kind.ENTITY, name);
  }

  public static CatalogChanged featureView(ResourceName name) {
    return new CatalogChanged(Kind.FEATURE_VIEW, name);
  }

  public static CatalogChanged featureService(ResourceName name) {
    return new CatalogChanged(Kind.FEATURE_SERVICE, name);
  }

  public static CatalogChanged model(ResourceName name) {
    return new CatalogChanged(Kind.MODEL, name);
  }
}
