package org.mlplatform.domain.monitoring;

import org.mlplatform.domain.DomainValidationException;

/** Argument guards that name the field at fault. */
public final class Require {

  private Require() {}

  public static <T> T nonNull(T value, String field) {
    if (value == null) {
      throw new DomainValidationException(field, field + " must not be null");
    }
    return value;
  }

  public static String nonBlank(String value, String field) {
    if (nonNull(value, field).isBlank()) {
      throw new DomainValidationException(field, field + " must not be blank");
    }
    return value;
  }

  public static long nonNegative(long value, String field) {
    if (value < 0) {
      throw new DomainValidationException(field, field + " must be >= 0, was " + value);
    }
    return value;
  }

  public static double nonNegativeFinite(double value, String field) {
    if (!Double.isFinite(value) || value < 0) {
      throw new DomainValidationException(
          field, field + " must be a finite number >= 0, was " + value);
    }
    return value;
  }

  public static void that(boolean condition, String field, String message) {
    if (!condition) {
      throw new DomainValidationException(field, message);
    }
  }
}
