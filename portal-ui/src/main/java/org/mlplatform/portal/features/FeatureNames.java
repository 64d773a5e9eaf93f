package org.mlplatform.portal.features;

import java.util.Optional;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.FeatureRef;

/** Feature names as versions and training sets record them: {@code view:feature} or a column. */
public final class FeatureNames {

  private FeatureNames() {}

  /** As {@link #ref}, empty for a plain column name that names no view (a raw model input's). */
  public static Optional<FeatureRef> find(String feature) {
    try {
      return Optional.of(ref(feature));
    } catch (DomainValidationException e) {
      return Optional.empty();
    }
  }

  /**
   * The reference a name stands for: {@code view:feature} as it is, a training-set column {@code
   * view__feature} split at its first double underscore.
   *
   * @throws DomainValidationException naming {@code features} when the name names no view
   */
  public static FeatureRef ref(String feature) {
    if (feature.contains(":")) {
      return FeatureRef.parse("features", feature);
    }
    int split = feature.indexOf("__");
    if (split <= 0) {
      throw new DomainValidationException(
          "features", "the version's feature " + feature + " names no feature view");
    }
    return FeatureRef.parse(
        "features", feature.substring(0, split) + ":" + feature.substring(split + 2));
  }
}
