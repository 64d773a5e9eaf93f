package org.mlplatform.domain.features;

import java.util.Objects;

/**
 * An on-demand feature of a feature view: computed when it is read, from the view's stored
 * features, the request fields the view declares and earlier derived features, by an expression of
 * {@link org.mlplatform.domain.features.expr.Expression}'s language. Training sets and online
 * lookups evaluate the same definition, so what a model is trained on is what it is served.
 *
 * @param type the declared result type; the view fills in the inferred one when none is declared
 */
public record DerivedFeatureDefinition(
    ResourceName name, String expression, FeatureType type, String description) {

  public DerivedFeatureDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expression, "expression");
    description = description == null ? "" : description;
  }
}
