package org.mlplatform.portal.api;

import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.audit.AuditFilter;
import org.mlplatform.domain.audit.Outcome;

/**
 * The query of {@code GET /api/v1/audit}, read from its parameters as text so that a bad value is a
 * 400 naming the parameter (JAX-RS would answer 404 for a query parameter it cannot convert).
 *
 * @param offset how many matching records to skip
 * @param limit at most this many records: 1 to {@link #MAX_LIMIT} for JSON (default {@link
 *     #DEFAULT_LIMIT}); any positive number for CSV (default: every matching record)
 * @param csv whether to answer CSV rather than JSON
 */
record AuditQueryParameters(AuditFilter filter, long offset, long limit, boolean csv) {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  /** The raw parameters, as the request carries them (null when absent). */
  record Raw(
      String actor,
      String action,
      String target,
      String outcome,
      String from,
      String to,
      String limit,
      String offset,
      String format) {}

  /**
   * Reads the parameters; {@code accept} (the request's acceptable media types, most preferred
   * first) chooses CSV when {@code format} does not.
   *
   * @throws DomainValidationException naming the parameter at fault
   */
  static AuditQueryParameters parse(Raw raw, List<MediaType> accept) {
    boolean csv = csv(raw.format(), accept);
    AuditFilter filter =
        new AuditFilter(
            text("actor", raw.actor(), 200),
            text("action", raw.action(), 100),
            text("target", raw.target(), 500),
            outcome(raw.outcome()),
            instant("from", raw.from()),
            instant("to", raw.to()));
    long offset = number("offset", raw.offset(), 0, 0, Integer.MAX_VALUE);
    long limit =
        csv
            ? number("limit", raw.limit(), Long.MAX_VALUE, 1, Long.MAX_VALUE)
            : number("limit", raw.limit(), DEFAULT_LIMIT, 1, MAX_LIMIT);
    return new AuditQueryParameters(filter, offset, limit, csv);
  }

  private static boolean csv(String format, List<MediaType> accept) {
    if (format != null && !format.isBlank()) {
      return switch (format.strip().toLowerCase(Locale.ROOT)) {
        case "csv" -> true;
        case "json" -> false;
        default -> throw new DomainValidationException("format", "format is csv or json");
      };
    }
    for (MediaType type : accept) {
      if (!type.isWildcardType() && !type.isWildcardSubtype() && type.isCompatible(CSV)) {
        return true;
      }
      if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return false;
      }
    }
    return false;
  }

  static final MediaType CSV = new MediaType("text", "csv");

  private static String text(String field, String value, int maxLength) {
    if (value != null && value.strip().length() > maxLength) {
      throw new DomainValidationException(
          field, field + " is at most " + maxLength + " characters");
    }
    return value;
  }

  private static Outcome outcome(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Outcome.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new DomainValidationException(
          "outcome", "outcome is one of SUCCESS, DENIED or FAILED, not '" + value.strip() + "'");
    }
  }

  private static Instant instant(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new DomainValidationException(
          field,
          field + " is not an ISO-8601 instant such as 2026-01-31T12:00:00Z: " + value.strip());
    }
  }

  private static long number(String field, String value, long absent, long min, long max) {
    if (value == null || value.isBlank()) {
      return absent;
    }
    long n;
    try {
      n = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new DomainValidationException(
          field, field + " is a whole number, not '" + value.strip() + "'");
    }
    if (n < min || n > max) {
      throw new DomainValidationException(
          field,
          max == Long.MAX_VALUE
              ? field + " is at least " + min
              : field + " is " + min + " to " + max);
    }
    return n;
  }
}
