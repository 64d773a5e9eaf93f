package org.mlplatform.domain.monitoring.quality;

import org.mlplatform.domain.DomainValidationException;

/** Argument guards that name the field at fault. */
final class Require {

  private Require() {}

  static <T> T nonNull(T value, String field) {
    if (value == null) {
      throw new DomainValidationException(field, field + " must not be null");
    }
    return value;
  }

  static String nonBlank(String value, String field) {
    if (nonNull(value, field).isBlank()) {
      throw new DomainValidationException(field, field + " must not be blank");
    }
    return value;
  }

  static long nonNegative(long value, String field) {
    if (value < 0) {
      throw new DomainValidationException(field, field + " must be >= 0, was " + value);
    }
    return value;
  }

  static void that(boolean condition, String field, String message) {
    if (!condition) {
      throw new DomainValidationException(field, message);
    }
  }
}
