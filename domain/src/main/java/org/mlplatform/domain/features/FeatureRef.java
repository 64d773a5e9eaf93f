package org.mlplatform.domain.features;

import org.mlplatform.domain.DomainValidationException;

/** A reference {@code view:feature}, as models and feature services name their inputs. */
public record FeatureRef(ResourceName view, ResourceName feature) {

  /** Parses {@code view:feature}, blaming {@code field} when it is malformed. */
  public static FeatureRef parse(String field, String text) {
    int colon = text == null ? -1 : text.indexOf(':');
    if (colon < 0 || colon != text.lastIndexOf(':')) {
      throw new DomainValidationException(
          field, "expected 'view:feature', got '" + (text == null ? "null" : text) + "'");
    }
    return new FeatureRef(
        ResourceName.of(field, text.substring(0, colon)),
        ResourceName.of(field, text.substring(colon + 1)));
  }

  /** The column name in training sets: {@code view__feature}. */
  public String columnName() {
    return view + "__" + feature;
  }

  @Override
  public String toString() {
    return view + ":" + feature;
  }
}
