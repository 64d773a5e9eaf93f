package org.mlplatform.domain.monitoring.policy;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.monitoring.DriftMethod;
import org.mlplatform.domain.monitoring.DriftOptions;

/**
 * What a {@link MonitoringPolicy} decides for one feature instead of the drift defaults: the
 * feature's {@link DriftOptions}, kept with the feature's name.
 *
 * <p>The rules are those of {@link DriftOptions} (a threshold is a finite number of 0 or more, and
 * at most 1 for a p-value method), and two more that keep a stored override from failing every
 * later drift run: a threshold without a method is at most 1, because the test chosen for the
 * feature may be a p-value test; and a feature declared categorical cannot have a method that only
 * compares numbers ({@link DriftMethod#numbersOnly}).
 *
 * @param feature the feature's name as the model's inputs name it; not blank, at most {@value
 *     #FEATURE_MAX} characters
 * @param categorical treat the feature's numbers as categories whatever their number of distinct
 *     values
 * @param method the test to use instead of the one chosen from kind and reference size; {@code
 *     null} reads as none
 * @param threshold the threshold to use instead of the method's default; {@code null} reads as none
 */
public record FeatureDriftOverride(
    String feature, boolean categorical, Optional<DriftMethod> method, OptionalDouble threshold) {

  /** The longest feature name an override may carry (the V12 column). */
  public static final int FEATURE_MAX = 200;

  public FeatureDriftOverride {
    if (feature == null || feature.isBlank()) {
      throw new DomainValidationException("feature", "feature must not be blank");
    }
    if (feature.length() > FEATURE_MAX) {
      throw new DomainValidationException(
          "feature", "feature is at most " + FEATURE_MAX + " characters");
    }
    method = Objects.requireNonNullElse(method, Optional.empty());
    threshold = Objects.requireNonNullElse(threshold, OptionalDouble.empty());
    if (threshold.isPresent()) {
      threshold = OptionalDouble.of(threshold.getAsDouble() + 0.0); // -0.0 becomes 0.0
    }
    // DriftOptions' own checks: a finite threshold of 0 or more, at most 1 for a p-value method.
    new DriftOptions(categorical, method, threshold);
    if (method.isEmpty() && threshold.isPresent() && threshold.getAsDouble() > 1) {
      throw new DomainValidationException(
          "threshold",
          "threshold is "
              + threshold.getAsDouble()
              + "; without a method the test may be a p-value test, so give at most 1, or name a"
              + " distance method");
    }
    if (categorical && method.isPresent() && method.get().numbersOnly()) {
      throw new DomainValidationException(
          "method",
          "method "
              + method.get()
              + " compares numbers, but feature '"
              + feature
              + "' is declared categorical");
    }
  }

  /**
   * Builds an override, naming {@code field} in front of the field at fault, so a caller reading a
   * list can blame {@code overrides[2].threshold} rather than {@code threshold}.
   *
   * @throws DomainValidationException naming {@code field + "." + }the override's field
   */
  public static FeatureDriftOverride of(
      String field,
      String feature,
      boolean categorical,
      Optional<DriftMethod> method,
      OptionalDouble threshold) {
    try {
      return new FeatureDriftOverride(feature, categorical, method, threshold);
    } catch (DomainValidationException e) {
      throw new DomainValidationException(field + "." + e.field(), e.getMessage());
    }
  }

  /** The drift options this override stands for. */
  public DriftOptions toOptions() {
    return new DriftOptions(categorical, method, threshold);
  }
}
