package org.mlplatform.domain.monitoring.feedback;

import java.util.Optional;
import java.util.OptionalDouble;
import org.mlplatform.domain.DomainValidationException;

/** The rules a label or value obeys wherever it appears. */
final class Truth {

  private Truth() {}

  /** Exactly one of a label (a class) and a value (a regression target). */
  static void check(Optional<String> label, OptionalDouble value) {
    if (label == null || value == null) {
      throw new DomainValidationException(
          label == null ? "label" : "value", "label and value are optionals, never null");
    }
    if (label.isPresent() == value.isPresent()) {
      throw new DomainValidationException(
          "label",
          label.isPresent()
              ? "give a label or a value, not both"
              : "give a label (a class) or a value (a number)");
    }
    label.ifPresent(Truth::checkLabel);
    value.ifPresent(
        v -> {
          if (!Double.isFinite(v)) {
            throw new DomainValidationException("value", "value must be finite, got " + v);
          }
        });
  }

  private static void checkLabel(String label) {
    if (label.isBlank()) {
      throw new DomainValidationException("label", "label must not be blank");
    }
    if (label.length() > GroundTruth.LABEL_MAX) {
      throw new DomainValidationException(
          "label",
          "label is "
              + label.length()
              + " characters long; at most "
              + GroundTruth.LABEL_MAX
              + " allowed");
    }
  }

  static void checkRow(int row) {
    if (row < 0) {
      throw new DomainValidationException("row", "row is not negative, got " + row);
    }
  }
}
