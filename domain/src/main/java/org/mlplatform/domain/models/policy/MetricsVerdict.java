package org.mlplatform.domain.models.policy;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.mlplatform.domain.models.policy.MetricFinding.Status;

/**
 * The outcome of a {@link MetricsCheck}: passed, failed, or nothing to compare (the caller reports
 * the check as skipped), with a finding per metric either version reports, by metric name.
 */
public record MetricsVerdict(Result result, List<MetricFinding> findings) {

  /** The check's outcome. */
  public enum Result {
    /** Every metric both versions report and that can be judged is within its tolerance. */
    PASSED,
    /** At least one metric is worse than its tolerance allows. */
    FAILED,
    /** No metric both versions report and whose better direction is known. */
    NOTHING_TO_COMPARE
  }

  public MetricsVerdict {
    Objects.requireNonNull(result, "result");
    findings = List.copyOf(findings);
  }

  public boolean passed() {
    return result == Result.PASSED;
  }

  public boolean failed() {
    return result == Result.FAILED;
  }

  public boolean nothingToCompare() {
    return result == Result.NOTHING_TO_COMPARE;
  }

  /** The findings with {@code status}, by metric name. */
  public List<MetricFinding> findings(Status status) {
    return findings.stream().filter(f -> f.status() == status).toList();
  }

  /** One sentence per metric, by metric name. */
  public List<String> sentences() {
    return findings.stream().map(MetricFinding::sentence).toList();
  }

  /**
   * One line for a log, a process variable or an audit record: the outcome, then the failing
   * metrics' sentences when it failed.
   */
  public String summary() {
    return switch (result) {
      case PASSED -> {
        int judged = findings(Status.PASSED).size();
        yield "metrics check passed: "
            + judged
            + (judged == 1 ? " metric" : " metrics")
            + " within tolerance";
      }
      case FAILED ->
          "metrics check failed: "
              + findings(Status.FAILED).stream()
                  .map(MetricFinding::sentence)
                  .collect(Collectors.joining("; "));
      case NOTHING_TO_COMPARE ->
          findings(Status.NOT_JUDGED).isEmpty()
              ? "nothing to compare: the candidate and the champion share no metric"
              : "nothing to compare: the metrics the candidate and the champion share ("
                  + findings(Status.NOT_JUDGED).stream()
                      .map(MetricFinding::metric)
                      .collect(Collectors.joining(", "))
                  + ") have no known better direction";
    };
  }
}
