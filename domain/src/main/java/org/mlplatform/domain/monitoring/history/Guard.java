package org.mlplatform.domain.monitoring.history;

import java.util.Optional;
import java.util.OptionalDouble;
import org.mlplatform.domain.DomainValidationException;

/** Argument guards that name the field at fault. */
final class Guard {

  private Guard() {}

  static <T> T nonNull(T value, String field) {
    if (value == null) {
      throw new DomainValidationException(field, field + " must not be null");
    }
    return value;
  }

  /** Not blank and at most {@code max} characters: what fits the column it is stored in. */
  static String text(String value, String field, int max) {
    if (nonNull(value, field).isBlank() || value.length() > max) {
      throw new DomainValidationException(
          field, field + " must be 1 to " + max + " characters and not blank");
    }
    return value;
  }

  static void text(Optional<String> value, String field, int max) {
    nonNull(value, field).ifPresent(text -> text(text, field, max));
  }

  static void nonNegative(double value, String field) {
    if (!Double.isFinite(value) || value < 0) {
      throw new DomainValidationException(
          field, field + " must be a finite number >= 0, was " + value);
    }
  }

  static void nonNegative(OptionalDouble value, String field) {
    nonNull(value, field).ifPresent(v -> nonNegative(v, field));
  }

  static void share(double value, String field) {
    if (!(value >= 0 && value <= 1)) {
      throw new DomainValidationException(field, field + " must be between 0 and 1, was " + value);
    }
  }

  static void share(OptionalDouble value, String field) {
    nonNull(value, field).ifPresent(v -> share(v, field));
  }

  static void that(boolean condition, String field, String message) {
    if (!condition) {
      throw new DomainValidationException(field, message);
    }
  }
}
