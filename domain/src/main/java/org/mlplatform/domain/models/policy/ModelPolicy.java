package org.mlplatform.domain.models.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;

/**
 * The governance policy of one model: the thresholds its promotion workflow and its retraining
 * judge metrics by. A model nobody set a policy for follows {@link #defaults}.
 *
 * @param metricTolerance how much worse, in the metric's own units, a candidate's held-out metric
 *     may be than the champion's before the promotion's metrics check fails (0.01: an accuracy of
 *     0.85 against a champion's 0.86 passes, 0.84 fails); 0 to 1,000,000
 * @param retrainingMargin how much better, in the metric's own units, a retrained version must be
 *     than the champion to be proposed for promotion (see {@link #improvesEnough}); 0 or more
 * @param retrainingEvery how often to retrain on fresh data; empty for no schedule. At least an
 *     hour (so a typo cannot retrain every second), at most 366 days, in whole seconds
 * @param metricTolerances tolerances for single metrics that replace {@code metricTolerance} for
 *     them, by metric name as model versions report it ({@code accuracy}, {@code rmse}); at most
 *     {@value #OVERRIDES_MAX}, in name order
 * @param updatedBy who last saved the policy; empty for {@link #defaults}
 * @param updatedAt when the policy was last saved; {@link Instant#EPOCH} for {@link #defaults}
 */
public record ModelPolicy(
    ResourceName model,
    double metricTolerance,
    double retrainingMargin,
    Optional<Duration> retrainingEvery,
    Map<String, Double> metricTolerances,
    String updatedBy,
    Instant updatedAt) {

  /** The tolerance of a model without a policy. */
  public static final double DEFAULT_METRIC_TOLERANCE = 0.01;

  /** The retraining margin of a model without a policy: any improvement counts. */
  public static final double DEFAULT_RETRAINING_MARGIN = 0.0;

  /** The largest tolerance: beyond it the check would pass anything and had better be dropped. */
  public static final double TOLERANCE_MAX = 1_000_000;

  /** The shortest retraining schedule. */
  public static final Duration RETRAINING_EVERY_MIN = Duration.ofHours(1);

  /** The longest retraining schedule. */
  public static final Duration RETRAINING_EVERY_MAX = Duration.ofDays(366);

  /** The most per-metric tolerances one policy may hold. */
  public static final int OVERRIDES_MAX = 50;

  // The same limits as metric names of model versions (Texts.label) and the V6/V9 columns.
  private static final int METRIC_NAME_MAX = 100;
  private static final int PERSON_MAX = 200;

  public ModelPolicy {
    Objects.requireNonNull(model, "model");
    metricTolerance = tolerance("metricTolerance", metricTolerance);
    if (!Double.isFinite(retrainingMargin) || retrainingMargin < 0) {
      throw new DomainValidationException(
          "retrainingMargin",
          "retrainingMargin is " + retrainingMargin + "; give a finite number of 0 or more");
    }
    retrainingMargin = retrainingMargin + 0.0; // -0.0 becomes 0.0
    retrainingEvery =
        Objects.requireNonNullElse(retrainingEvery, Optional.<Duration>empty())
            .map(ModelPolicy::schedule);
    metricTolerances = overrides(metricTolerances);
    updatedBy = updatedBy == null ? "" : updatedBy;
    if (updatedBy.length() > PERSON_MAX) {
      throw new DomainValidationException(
          "updatedBy", "updatedBy is at most " + PERSON_MAX + " characters");
    }
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** The policy of a model nobody set one for: tolerance 0.01, margin 0, no schedule. */
  public static ModelPolicy defaults(ResourceName model) {
    return new ModelPolicy(
        model,
        DEFAULT_METRIC_TOLERANCE,
        DEFAULT_RETRAINING_MARGIN,
        Optional.empty(),
        Map.of(),
        "",
        Instant.EPOCH);
  }

  /** The tolerance for {@code metric}: its own when the policy names it, else the general one. */
  public double toleranceFor(String metric) {
    return metricTolerances.getOrDefault(metric, metricTolerance);
  }

  /**
   * Whether a retrained version that is {@code improvement} better than the champion (see {@link
   * MetricsCheck#improvement}) is worth proposing: it must be better at all, and by at least the
   * margin.
   */
  public boolean improvesEnough(double improvement) {
    return improvement > 0 && improvement >= retrainingMargin;
  }

  /**
   * Reads a retraining schedule as people write it: an ISO-8601 duration ({@code P7D}, {@code
   * PT12H}, {@code P1DT6H}); blank or null for none. Whether it is in range is checked when a
   * policy is made with it.
   *
   * @throws DomainValidationException naming {@code retrainingEvery} when the text is no duration
   */
  public static Optional<Duration> parseRetrainingEvery(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String trimmed = text.strip();
    try {
      return Optional.of(Duration.parse(trimmed));
    } catch (DateTimeParseException e) {
      String shown = trimmed.length() <= 40 ? trimmed : trimmed.substring(0, 40) + "...";
      throw new DomainValidationException(
          "retrainingEvery",
          "'" + shown + "' is not an ISO-8601 duration; write for example P7D, PT12H or P1DT6H");
    }
  }

  /**
   * A retraining schedule as people write it: whole days as {@code P7D}, the rest as {@code PT12H},
   * both as {@code P1DT6H}; {@link #parseRetrainingEvery} reads it back.
   */
  public static String formatRetrainingEvery(Duration every) {
    long days = every.toDays();
    Duration rest = every.minusDays(days);
    if (days == 0) {
      return rest.toString();
    }
    return "P" + days + "D" + (rest.isZero() ? "" : rest.toString().substring(1));
  }

  private static double tolerance(String field, double value) {
    if (!Double.isFinite(value) || value < 0 || value > TOLERANCE_MAX) {
      throw new DomainValidationException(
          field, field + " is " + value + "; give a number from 0 to 1000000");
    }
    return value + 0.0;
  }

  private static Duration schedule(Duration every) {
    if (every.compareTo(RETRAINING_EVERY_MIN) < 0 || every.compareTo(RETRAINING_EVERY_MAX) > 0) {
      throw new DomainValidationException(
          "retrainingEvery",
          "retrainingEvery is " + every + "; give PT1H (one hour) to P366D, or nothing");
    }
    if (every.getNano() != 0) {
      throw new DomainValidationException(
          "retrainingEvery", "retrainingEvery is " + every + "; give whole seconds");
    }
    return every;
  }

  private static Map<String, Double> overrides(Map<String, Double> overrides) {
    TreeMap<String, Double> copy = new TreeMap<>();
    Map<String, Double> given = overrides == null ? Map.of() : overrides;
    if (given.size() > OVERRIDES_MAX) {
      throw new DomainValidationException(
          "metricTolerances",
          "at most " + OVERRIDES_MAX + " metric tolerances, got " + given.size());
    }
    given.forEach(
        (name, value) -> {
          String field = "metricTolerances." + name;
          metricName(field, name);
          if (value == null) {
            throw new DomainValidationException(
                field,
                "the tolerance for " + name + " is missing; give a number from 0 to 1000000");
          }
          copy.put(name, tolerance(field, value));
        });
    return Collections.unmodifiableSortedMap(copy);
  }

  /** The rules model versions apply to metric names: not blank, at most 100, no line breaks. */
  private static void metricName(String field, String name) {
    if (name == null || name.isBlank()) {
      throw new DomainValidationException(field, "a metric name must not be blank");
    }
    if (name.length() > METRIC_NAME_MAX) {
      throw new DomainValidationException(
          field, "a metric name is at most " + METRIC_NAME_MAX + " characters");
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      throw new DomainValidationException(
          field, "a metric name must not contain control characters");
    }
  }
}
