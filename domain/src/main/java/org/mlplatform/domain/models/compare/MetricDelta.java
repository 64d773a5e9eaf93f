package org.mlplatform.domain.models.compare;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One metric in two versions. A metric only one of them reports has no delta.
 *
 * @param base the value in the version compared against; empty when it lacks the metric
 * @param candidate the value in the other version; empty when it lacks the metric
 */
public record MetricDelta(String name, OptionalDouble base, OptionalDouble candidate) {

  public MetricDelta {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(candidate, "candidate");
  }

  /** {@code candidate - base}, when both versions report the metric. */
  public OptionalDouble delta() {
    return base.isPresent() && candidate.isPresent()
        ? OptionalDouble.of(candidate.getAsDouble() - base.getAsDouble())
        : OptionalDouble.empty();
  }
}
