package org.mlplatform.portal.ui.monitoring;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.monitoring.DriftMethod;
import org.mlplatform.domain.monitoring.policy.FeatureDriftOverride;
import org.mlplatform.domain.monitoring.policy.MonitoringPolicy;
import org.mlplatform.portal.monitoring.MonitoringPolicies;
import org.mlplatform.portal.ui.base.Times;

/**
 * A monitoring policy as {@link MonitoringPolicyPanel} shows it: the drift share in percent, the
 * window and the evaluation interval as durations to choose from, and the feature overrides; and
 * back as the service's {@link MonitoringPolicies.Terms}. The pure part of the panel, tested
 * without a UI.
 *
 * @param driftPercent the share of drifted features, in percent; null when the field is empty
 * @param windowPredictions null when the field is empty
 */
record PolicyFormValues(
    Double driftPercent,
    Duration window,
    Integer windowPredictions,
    Duration evaluateEvery,
    List<FeatureDriftOverride> overrides) {

  static final double PERCENT_MIN = 1;
  static final double PERCENT_MAX = 100;

  /** The windows offered besides the policy's own. */
  static final List<Duration> WINDOWS =
      List.of(
          Duration.ofHours(1),
          Duration.ofHours(6),
          Duration.ofHours(24),
          Duration.ofDays(7),
          Duration.ofDays(30));

  /** The evaluation intervals offered besides the policy's own. */
  static final List<Duration> EVERY =
      List.of(
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(15),
          Duration.ofHours(1),
          Duration.ofDays(1));

  PolicyFormValues {
    overrides = overrides == null ? List.of() : List.copyOf(overrides);
  }

  /** The form's values for {@code policy}. */
  static PolicyFormValues of(MonitoringPolicy policy) {
    return new PolicyFormValues(
        percent(policy.driftShare()),
        policy.window(),
        policy.windowPredictions(),
        policy.evaluateEvery(),
        policy.overrides());
  }

  /**
   * The values as the service takes them.
   *
   * @throws DomainValidationException naming the field at fault when a field is empty or out of the
   *     form's range (the service checks the rest)
   */
  MonitoringPolicies.Terms terms() {
    if (driftPercent == null || !(driftPercent >= PERCENT_MIN && driftPercent <= PERCENT_MAX)) {
      throw new DomainValidationException(
          "driftShare", "give a drift share from 1 to 100 % of the features");
    }
    if (windowPredictions == null
        || windowPredictions < MonitoringPolicy.WINDOW_PREDICTIONS_MIN
        || windowPredictions > MonitoringPolicy.WINDOW_PREDICTIONS_MAX) {
      throw new DomainValidationException("windowPredictions", "give 100 to 1,000,000 predictions");
    }
    if (window == null) {
      throw new DomainValidationException("window", "choose a window");
    }
    if (evaluateEvery == null) {
      throw new DomainValidationException("evaluateEvery", "choose how often to evaluate");
    }
    return new MonitoringPolicies.Terms(
        share(driftPercent),
        window.toString(),
        windowPredictions,
        evaluateEvery.toString(),
        overrides.stream().map(PolicyFormValues::term).toList());
  }

  /** A share (0.5) in percent (50), without binary noise: 0.07 is 7, not 7.000000000000001. */
  static double percent(double share) {
    return BigDecimal.valueOf(share).movePointRight(2).doubleValue();
  }

  /** A percentage (50) as a share (0.5). */
  static double share(double percent) {
    return BigDecimal.valueOf(percent).movePointLeft(2).doubleValue();
  }

  /** The windows to choose from: the usual ones and {@code current}, shortest first. */
  static List<Duration> windowChoices(Duration current) {
    return choices(WINDOWS, current);
  }

  /** The evaluation intervals to choose from: the usual ones and {@code current}. */
  static List<Duration> everyChoices(Duration current) {
    return choices(EVERY, current);
  }

  /**
   * An evaluation interval in its largest whole unit: {@code 5 min}, {@code 1 h}, {@code 1 day}.
   */
  static String everyLabel(Duration length) {
    return length.equals(Duration.ofDays(1)) ? "1 day" : MonitoringText.window(length);
  }

  /**
   * A window in its largest whole unit: {@code 24 h}, {@code 7 days}, as the page's window select.
   */
  static String windowLabel(Duration length) {
    return MonitoringText.window(length);
  }

  /** A method as the API names it: {@code kolmogorov_smirnov}. */
  static String methodKey(DriftMethod method) {
    return method.name().toLowerCase(Locale.ROOT);
  }

  /** An override's method for the table: its key, or {@code (default)}. */
  static String methodLabel(FeatureDriftOverride override) {
    return override.method().map(PolicyFormValues::methodKey).orElse("(default)");
  }

  /** An override's threshold for the table: the number, or {@code (default)}. */
  static String thresholdLabel(FeatureDriftOverride override) {
    return override.threshold().isPresent()
        ? MonitoringText.number(override.threshold().getAsDouble())
        : "(default)";
  }

  /** Whether {@code current} was saved and by whom, or that it is the defaults. */
  static String status(MonitoringPolicies.Current current) {
    MonitoringPolicy policy = current.policy();
    return current.saved()
        ? "Saved by " + policy.updatedBy() + " at " + Times.format(policy.updatedAt()) + "."
        : "Defaults (not saved yet).";
  }

  /**
   * {@code overrides} with one more, in feature order.
   *
   * @throws DomainValidationException naming {@code override.}<i>field</i> for a bad override or
   *     one for a feature that has one already
   */
  static List<FeatureDriftOverride> add(
      List<FeatureDriftOverride> overrides,
      String feature,
      boolean categorical,
      Optional<DriftMethod> method,
      Double threshold) {
    String name = feature == null ? "" : feature.strip();
    FeatureDriftOverride added =
        FeatureDriftOverride.of(
            "override",
            name,
            categorical,
            method,
            threshold == null ? OptionalDouble.empty() : OptionalDouble.of(threshold));
    if (overrides.stream().anyMatch(o -> o.feature().equals(name))) {
      throw new DomainValidationException(
          "override.feature", "feature '" + name + "' has an override already: remove it first");
    }
    List<FeatureDriftOverride> all = new ArrayList<>(overrides);
    all.add(added);
    all.sort(Comparator.comparing(FeatureDriftOverride::feature));
    return List.copyOf(all);
  }

  private static MonitoringPolicies.Override term(FeatureDriftOverride override) {
    return new MonitoringPolicies.Override(
        override.feature(),
        override.categorical(),
        override.method().map(PolicyFormValues::methodKey).orElse(null),
        override.threshold().isPresent() ? override.threshold().getAsDouble() : null);
  }

  private static List<Duration> choices(List<Duration> usual, Duration current) {
    List<Duration> choices = new ArrayList<>(usual);
    if (current != null && !choices.contains(current)) {
      choices.add(current);
      choices.sort(Comparator.naturalOrder());
    }
    return List.copyOf(choices);
  }
}
