package org.mlplatform.domain.monitoring;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the caller decides for one column instead of the defaults.
 *
 * @param declaredCategorical treat numbers as categories whatever their number of distinct values
 * @param method the test to use instead of the one chosen from kind and reference size
 * @param threshold the threshold to use instead of the method's default
 */
public record DriftOptions(
    boolean declaredCategorical, Optional<DriftMethod> method, OptionalDouble threshold) {

  public DriftOptions {
    Require.nonNull(method, "method");
    Require.nonNull(threshold, "threshold");
    if (threshold.isPresent()) {
      Require.nonNegativeFinite(threshold.getAsDouble(), "threshold");
      method.ifPresent(m -> m.checkThreshold(threshold.getAsDouble()));
    }
  }

  /** No overrides: kind detected, method and threshold as Evidently chooses them. */
  public static DriftOptions defaults() {
    return new DriftOptions(false, Optional.empty(), OptionalDouble.empty());
  }

  public DriftOptions asCategorical() {
    return new DriftOptions(true, method, threshold);
  }

  public DriftOptions withMethod(DriftMethod method) {
    return new DriftOptions(
        declaredCategorical, Optional.of(Require.nonNull(method, "method")), threshold);
  }

  public DriftOptions withThreshold(double threshold) {
    return new DriftOptions(declaredCategorical, method, OptionalDouble.of(threshold));
  }
}
