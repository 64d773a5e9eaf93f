package org.mlplatform.domain.models.policy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.mlplatform.domain.models.policy.MetricFinding.Status;
import org.mlplatform.domain.models.policy.MetricsVerdict.Result;

/**
 * A candidate's held-out metrics against the champion's, judged by a model's {@link ModelPolicy}:
 * the promotion workflow's metrics check, and the measure of improvement the retraining process
 * proposes a version by. Pure functions of the two metric maps and the policy.
 *
 * <p>A metric passes when the candidate is better, unchanged, or worse by no more than the policy's
 * tolerance for it ({@link ModelPolicy#toleranceFor}); worse by more fails the check. Differences
 * are computed on the decimal values the numbers print as ({@link MetricDirection#improvement}), so
 * a difference equal to the tolerance passes. A metric only one version reports is listed as not
 * compared, one whose better direction is unknown ({@link MetricDirection#of}) as not judged; with
 * no metric left to judge the verdict is {@link Result#NOTHING_TO_COMPARE}. A value that is not a
 * finite number counts as not reported.
 */
public final class MetricsCheck {

  private static final MathContext SHOWN = new MathContext(6);

  private MetricsCheck() {}

  /** Judges every metric either version reports. */
  public static MetricsVerdict judge(
      Map<String, Double> champion, Map<String, Double> candidate, ModelPolicy policy) {
    TreeSet<String> names = new TreeSet<>(champion.keySet());
    names.addAll(candidate.keySet());
    List<MetricFinding> findings = new ArrayList<>();
    for (String metric : names) {
      findings.add(
          finding(
              metric,
              value(champion, metric),
              value(candidate, metric),
              policy.toleranceFor(metric)));
    }
    boolean failed = findings.stream().anyMatch(f -> f.status() == Status.FAILED);
    boolean judged = findings.stream().anyMatch(f -> f.status() == Status.PASSED);
    Result result = failed ? Result.FAILED : judged ? Result.PASSED : Result.NOTHING_TO_COMPARE;
    return new MetricsVerdict(result, findings);
  }

  /**
   * How much better the candidate is than the champion in {@code metric}'s good direction: positive
   * when better, negative when worse. Empty when either does not report the metric or its better
   * direction is unknown.
   */
  public static OptionalDouble improvement(
      Map<String, Double> champion, Map<String, Double> candidate, String metric) {
    OptionalDouble was = value(champion, metric);
    OptionalDouble is = value(candidate, metric);
    Optional<MetricDirection> direction = MetricDirection.of(metric);
    if (was.isEmpty() || is.isEmpty() || direction.isEmpty()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(direction.get().improvement(was.getAsDouble(), is.getAsDouble()));
  }

  private static MetricFinding finding(
      String metric, OptionalDouble champion, OptionalDouble candidate, double tolerance) {
    Optional<MetricDirection> direction = MetricDirection.of(metric);
    if (champion.isEmpty() || candidate.isEmpty()) {
      String sentence =
          champion.isEmpty()
              ? metric + " " + show(candidate) + ": only the candidate reports it, not compared"
              : metric + " " + show(champion) + ": only the champion reports it, not compared";
      return new MetricFinding(
          metric,
          Status.NOT_COMPARED,
          champion,
          candidate,
          direction,
          OptionalDouble.empty(),
          tolerance,
          sentence);
    }
    String versus = metric + " " + show(candidate) + " vs champion " + show(champion) + ": ";
    if (direction.isEmpty()) {
      return new MetricFinding(
          metric,
          Status.NOT_JUDGED,
          champion,
          candidate,
          direction,
          OptionalDouble.empty(),
          tolerance,
          versus + "not judged, whether higher or lower is better is unknown");
    }
    double improvement =
        direction.get().improvement(champion.getAsDouble(), candidate.getAsDouble());
    boolean failed = -improvement > tolerance;
    String sentence;
    if (improvement > 0) {
      sentence = versus + show(improvement) + " better";
    } else if (improvement == 0) {
      sentence = versus + "unchanged";
    } else if (failed) {
      sentence = versus + show(-improvement) + " worse, tolerance " + show(tolerance);
    } else {
      sentence = versus + show(-improvement) + " worse, within tolerance " + show(tolerance);
    }
    return new MetricFinding(
        metric,
        failed ? Status.FAILED : Status.PASSED,
        champion,
        candidate,
        direction,
        OptionalDouble.of(improvement),
        tolerance,
        sentence);
  }

  private static OptionalDouble value(Map<String, Double> metrics, String metric) {
    Double value = metrics.get(metric);
    return value == null || !Double.isFinite(value)
        ? OptionalDouble.empty()
        : OptionalDouble.of(value);
  }

  private static String show(OptionalDouble value) {
    return show(value.getAsDouble());
  }

  /** At most six significant digits, no trailing zeros, never in exponent notation. */
  static String show(double value) {
    return BigDecimal.valueOf(value).round(SHOWN).stripTrailingZeros().toPlainString();
  }
}
