package org.mlplatform.portal.serving;

/**
 * A feature the model needs has no usable value for an entity and the version stores no value to
 * impute in its place: the caller hears which feature, which entity row and why (a 422).
 */
public final class MissingFeatureException extends RuntimeException {

  private final String feature;

  public MissingFeatureException(String feature, int row, String status) {
    super(
        "feature "
            + feature
            + " is "
            + status
            + " for entity row "
            + row
            + " and this model version has no imputation value for it; materialize the view,"
            + " or send the value in \"features\"");
    this.feature = feature;
  }

  public String feature() {
    return feature;
  }
}
