package org.mlplatform.domain.monitoring.alerts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.mlplatform.domain.DomainValidationException;

/**
 * A condition on a model's monitoring that raises an {@link Alert} while it holds: {@code metric}
 * of the model (or of one of its features) is {@code comparison} {@code threshold}. Times are kept
 * to the microsecond, as the database keeps them.
 *
 * @param model the model's name (a {@link org.mlplatform.domain.features.ResourceName})
 * @param feature the feature (column) the metric is measured on, present exactly when {@link
 *     MonitoredMetric#needsFeature} says so; {@value #PREDICTION} names the model's output. At most
 *     200 characters, no control characters; not checked against the model's signature here
 * @param threshold the last acceptable value: only a value strictly beyond it breaches
 * @param startsRetraining whether opening an alert of this rule starts the model's retraining
 * @param enabled whether the rule is evaluated at all; a disabled rule keeps its alerts
 * @param createdBy who created the rule
 */
public record AlertRule(
    UUID id,
    String model,
    Optional<String> feature,
    MonitoredMetric metric,
    Comparison comparison,
    double threshold,
    AlertSeverity severity,
    boolean startsRetraining,
    boolean enabled,
    String createdBy,
    Instant createdAt) {

  /** The feature name that stands for the model's output, for drift of the predictions. */
  public static final String PREDICTION = "prediction";

  public AlertRule {
    Objects.requireNonNull(id, "id");
    model = AlertTexts.model(model);
    if (metric == null) {
      throw new DomainValidationException(
          "metric", "a rule needs a metric; use one of " + MonitoredMetric.keys());
    }
    feature = AlertTexts.feature(metric, feature);
    if (comparison == null) {
      throw new DomainValidationException(
          "comparison", "a rule needs a comparison: above or below");
    }
    threshold = AlertTexts.finite("threshold", threshold);
    if (severity == null) {
      throw new DomainValidationException(
          "severity", "a rule needs a severity: info, warning or critical");
    }
    createdBy = AlertTexts.line("createdBy", createdBy, AlertTexts.PERSON_MAX);
    createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
  }

  /** A new, enabled rule with a fresh id. */
  public static AlertRule create(
      String model,
      Optional<String> feature,
      MonitoredMetric metric,
      Comparison comparison,
      double threshold,
      AlertSeverity severity,
      boolean startsRetraining,
      String createdBy,
      Instant createdAt) {
    return new AlertRule(
        UUID.randomUUID(),
        model,
        feature,
        metric,
        comparison,
        threshold,
        severity,
        startsRetraining,
        true,
        createdBy,
        createdAt);
  }

  /** This rule switched on or off. */
  public AlertRule withEnabled(boolean on) {
    return new AlertRule(
        id,
        model,
        feature,
        metric,
        comparison,
        threshold,
        severity,
        startsRetraining,
        on,
        createdBy,
        createdAt);
  }

  /**
   * The rule as a sentence, for example {@code drift_score of amount above 0.1 (warning)} or {@code
   * accuracy below 0.8 (critical)}.
   */
  public String describe() {
    return metric.key()
        + feature.map(name -> " of " + name).orElse("")
        + " "
        + comparison.key()
        + " "
        + AlertTexts.show(threshold)
        + " ("
        + severity.key()
        + ")";
  }
}
