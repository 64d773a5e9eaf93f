package org.mlplatform.domain.monitoring.alerts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;

/**
 * The text and number rules alert rules and alerts share, each failure naming the input field to
 * blame. The limits match the column sizes of the V10 migration.
 */
final class AlertTexts {

  static final int FEATURE_MAX = 200;
  static final int PERSON_MAX = 200;
  static final int MESSAGE_MAX = 2000;
  static final int PROCESS_ID_MAX = 200;

  private static final MathContext SHOWN = new MathContext(6);

  private AlertTexts() {}

  /** A model's name, checked as a {@link ResourceName}. */
  static String model(String value) {
    return ResourceName.of("model", value).value();
  }

  /** The feature a metric is measured on: present exactly when the metric needs one. */
  static Optional<String> feature(MonitoredMetric metric, Optional<String> feature) {
    Optional<String> given = feature == null ? Optional.empty() : feature;
    if (metric.needsFeature() && given.isEmpty()) {
      throw new DomainValidationException(
          "feature",
          metric.key()
              + " is measured per feature: name the feature (column) to watch, or prediction for"
              + " the model's output");
    }
    if (!metric.needsFeature() && given.isPresent()) {
      throw new DomainValidationException(
          "feature", metric.key() + " is measured for the model as a whole: leave the feature out");
    }
    return given.map(name -> line("feature", name, FEATURE_MAX));
  }

  /** One line of text that must say something, within {@code max} characters. */
  static String line(String field, String value, int max) {
    String text = required(field, value, max);
    if (text.chars().anyMatch(Character::isISOControl)) {
      throw new DomainValidationException(field, field + " must not contain control characters");
    }
    return text;
  }

  /** Text that must say something, within {@code max} characters; line breaks are allowed. */
  static String required(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new DomainValidationException(field, field + " must not be blank");
    }
    if (value.length() > max) {
      throw new DomainValidationException(
          field, field + " is " + value.length() + " characters long; at most " + max + " allowed");
    }
    return value;
  }

  /** A finite number; {@code -0.0} becomes {@code 0.0} so that equal values are equal records. */
  static double finite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw new DomainValidationException(field, field + " is " + value + "; give a finite number");
    }
    return value + 0.0;
  }

  /** At most six significant digits, no trailing zeros, never in exponent notation. */
  static String show(double value) {
    return BigDecimal.valueOf(value).round(SHOWN).stripTrailingZeros().toPlainString();
  }

  /** A value from the caller, quoted and cut short for an error message. */
  static String quoted(String value) {
    return value == null ? "nothing" : "'" + shown(value) + "'";
  }

  static String shown(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }
}
