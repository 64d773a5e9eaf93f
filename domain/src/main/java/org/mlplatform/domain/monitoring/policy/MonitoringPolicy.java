package org.mlplatform.domain.monitoring.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.monitoring.DriftAnalyzer;
import org.mlplatform.domain.monitoring.DriftOptions;

/**
 * How one model is monitored: which predictions its drift is measured on, when the data set counts
 * as drifted, how often its alert rules and snapshots run, and the drift options of single
 * features. A model nobody set a policy for follows {@link #defaults}.
 *
 * @param driftShare the share of drifted features from which the model's data counts as drifted
 *     (see {@link DriftAnalyzer#withDriftShare}); more than 0, at most 1
 * @param window how far back the current data reaches: the predictions of the last {@code window}
 *     of time; one minute to 365 days, in whole seconds
 * @param windowPredictions the most predictions the window holds: when the last {@code window}
 *     holds more, only the newest this many count; 100 to 1,000,000
 * @param evaluateEvery how often the model's alert rules and monitoring snapshots run; one second
 *     to one day, in whole seconds
 * @param overrides drift options for single features, at most one per feature and at most {@value
 *     #OVERRIDES_MAX}; kept in feature-name order whatever order they were given in
 * @param updatedBy who last saved the policy, {@code system} for {@link #defaults}; not blank, at
 *     most 200 characters
 * @param updatedAt when the policy was last saved, kept to the microsecond (as the database keeps
 *     it); {@link Instant#EPOCH} for {@link #defaults}
 */
public record MonitoringPolicy(
    ResourceName model,
    double driftShare,
    Duration window,
    int windowPredictions,
    Duration evaluateEvery,
    List<FeatureDriftOverride> overrides,
    String updatedBy,
    Instant updatedAt) {

  /** The drift share of a model without a policy: half of the features. */
  public static final double DEFAULT_DRIFT_SHARE = DriftAnalyzer.DEFAULT_DRIFT_SHARE;

  /** The window of a model without a policy: the last day. */
  public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

  /** The most predictions in the window of a model without a policy. */
  public static final int DEFAULT_WINDOW_PREDICTIONS = 100_000;

  /** How often the rules of a model without a policy run. */
  public static final Duration DEFAULT_EVALUATE_EVERY = Duration.ofMinutes(5);

  /** Who {@link #defaults} are saved by. */
  public static final String SYSTEM = "system";

  public static final Duration WINDOW_MIN = Duration.ofMinutes(1);
  public static final Duration WINDOW_MAX = Duration.ofDays(365);
  public static final int WINDOW_PREDICTIONS_MIN = 100;
  public static final int WINDOW_PREDICTIONS_MAX = 1_000_000;
  public static final Duration EVALUATE_EVERY_MIN = Duration.ofSeconds(1);
  public static final Duration EVALUATE_EVERY_MAX = Duration.ofDays(1);

  /** The most feature overrides one policy may hold. */
  public static final int OVERRIDES_MAX = 1_000;

  private static final int PERSON_MAX = 200;

  public MonitoringPolicy {
    if (model == null) {
      throw new DomainValidationException("model", "model must not be null");
    }
    if (!(driftShare > 0 && driftShare <= 1)) {
      throw new DomainValidationException(
          "driftShare", "driftShare is " + driftShare + "; give a share more than 0 and at most 1");
    }
    window = duration("window", window, WINDOW_MIN, WINDOW_MAX, "PT1M (one minute) to P365D");
    if (windowPredictions < WINDOW_PREDICTIONS_MIN || windowPredictions > WINDOW_PREDICTIONS_MAX) {
      throw new DomainValidationException(
          "windowPredictions",
          "windowPredictions is " + windowPredictions + "; give 100 to 1000000");
    }
    evaluateEvery =
        duration(
            "evaluateEvery",
            evaluateEvery,
            EVALUATE_EVERY_MIN,
            EVALUATE_EVERY_MAX,
            "PT1S (one second) to P1D");
    overrides = overrides(overrides);
    if (updatedBy == null || updatedBy.isBlank()) {
      throw new DomainValidationException("updatedBy", "updatedBy must not be blank");
    }
    if (updatedBy.length() > PERSON_MAX) {
      throw new DomainValidationException(
          "updatedBy", "updatedBy is at most " + PERSON_MAX + " characters");
    }
    if (updatedAt == null) {
      throw new DomainValidationException("updatedAt", "updatedAt must not be null");
    }
    updatedAt = updatedAt.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * The policy of a model nobody set one for: drift share 0.5, the last 24 hours cut to the newest
   * 100,000 predictions, evaluated every 5 minutes, no feature overrides.
   */
  public static MonitoringPolicy defaults(ResourceName model) {
    return new MonitoringPolicy(
        model,
        DEFAULT_DRIFT_SHARE,
        DEFAULT_WINDOW,
        DEFAULT_WINDOW_PREDICTIONS,
        DEFAULT_EVALUATE_EVERY,
        List.of(),
        SYSTEM,
        Instant.EPOCH);
  }

  /** The drift options for {@code feature}: its override's, or the defaults when it has none. */
  public DriftOptions optionsFor(String feature) {
    for (FeatureDriftOverride override : overrides) {
      if (override.feature().equals(feature)) {
        return override.toOptions();
      }
    }
    return DriftOptions.defaults();
  }

  private static Duration duration(
      String field, Duration value, Duration min, Duration max, String range) {
    if (value == null) {
      throw new DomainValidationException(field, field + " must not be null; give " + range);
    }
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new DomainValidationException(field, field + " is " + value + "; give " + range);
    }
    if (value.getNano() != 0) {
      throw new DomainValidationException(field, field + " is " + value + "; give whole seconds");
    }
    return value;
  }

  private static List<FeatureDriftOverride> overrides(List<FeatureDriftOverride> given) {
    if (given == null) {
      return List.of();
    }
    if (given.size() > OVERRIDES_MAX) {
      throw new DomainValidationException(
          "overrides", "at most " + OVERRIDES_MAX + " feature overrides, got " + given.size());
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < given.size(); i++) {
      FeatureDriftOverride override = given.get(i);
      if (override == null) {
        throw new DomainValidationException(
            "overrides[" + i + "]", "overrides[" + i + "] must not be null");
      }
      Integer earlier = seen.putIfAbsent(override.feature(), i);
      if (earlier != null) {
        throw new DomainValidationException(
            "overrides[" + i + "].feature",
            "feature '"
                + override.feature()
                + "' already has an override (overrides["
                + earlier
                + "]); give one per feature");
      }
    }
    List<FeatureDriftOverride> sorted = new ArrayList<>(given);
    sorted.sort(Comparator.comparing(FeatureDriftOverride::feature));
    return List.copyOf(sorted);
  }
}
