package org.mlplatform.domain.models.policy;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a {@link MetricsCheck} found for one metric, with the sentence a reviewer reads.
 *
 * @param champion the champion's value; empty when it does not report the metric
 * @param candidate the candidate's value; empty when it does not report the metric
 * @param direction whether higher or lower is better; empty when the name does not say
 * @param improvement how much better the candidate is (positive) or worse (negative) in the
 *     metric's good direction; empty unless both report it and the direction is known
 * @param tolerance the policy's tolerance for this metric
 * @param sentence for example {@code accuracy 0.81 vs champion 0.86: 0.05 worse, tolerance 0.01}
 */
public record MetricFinding(
    String metric,
    Status status,
    OptionalDouble champion,
    OptionalDouble candidate,
    Optional<MetricDirection> direction,
    OptionalDouble improvement,
    double tolerance,
    String sentence) {

  /** How the metric came out. */
  public enum Status {
    /** Better, unchanged, or worse by no more than the tolerance. */
    PASSED,
    /** Worse by more than the tolerance: the check fails. */
    FAILED,
    /** Only one of the two versions reports the metric. */
    NOT_COMPARED,
    /** Both report it, but whether higher or lower is better is unknown. */
    NOT_JUDGED
  }

  public MetricFinding {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(champion, "champion");
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(improvement, "improvement");
    Objects.requireNonNull(sentence, "sentence");
  }
}
