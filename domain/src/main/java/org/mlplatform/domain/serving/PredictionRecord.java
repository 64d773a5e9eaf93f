package org.mlplatform.domain.serving;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;

/**
 * One logged prediction: what a version of a model was asked and what it answered. Immutable; the
 * log only appends, and the id makes appending it again harmless.
 *
 * @param at when the prediction was made, kept to whole microseconds (as the database stores it)
 * @param model the model's name (a valid {@link ResourceName})
 * @param version the version that answered
 * @param route {@link #PRIMARY}, {@link #CANARY} or {@link #SHADOW}
 * @param requestId correlates the record with the request; null when there was none
 * @param inputs the request's inputs as JSON text
 * @param outputs the answer as JSON text
 * @param latencyMicros how long the version took to answer
 */
public record PredictionRecord(
    UUID id,
    Instant at,
    String model,
    int version,
    String route,
    String requestId,
    String inputs,
    String outputs,
    long latencyMicros) {

  /** Answered by the version the deployment's alias points at. */
  public static final String PRIMARY = "primary";

  /** Answered by the canary version. */
  public static final String CANARY = "canary";

  /** Computed by the shadow version and never returned. */
  public static final String SHADOW = "shadow";

  public static final Set<String> ROUTES = Set.of(PRIMARY, CANARY, SHADOW);

  /** The length of the {@code request_id} column. */
  public static final int REQUEST_ID_MAX = 200;

  /**
   * The most characters of inputs or outputs a record keeps (the column size); callers trim larger
   * documents before logging them.
   */
  public static final int JSON_MAX = 1_000_000;

  public PredictionRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(at, "at");
    at = at.truncatedTo(ChronoUnit.MICROS);
    ResourceName.of("model", model);
    if (version < 1) {
      throw new DomainValidationException("version", "version numbers start at 1, got " + version);
    }
    if (route == null || !ROUTES.contains(route)) {
      throw new DomainValidationException(
          "route", "route is one of primary, canary and shadow, got " + route);
    }
    if (requestId != null && requestId.length() > REQUEST_ID_MAX) {
      throw new DomainValidationException(
          "requestId", "requestId is longer than " + REQUEST_ID_MAX + " characters");
    }
    requireJson("inputs", inputs);
    requireJson("outputs", outputs);
    if (latencyMicros < 0) {
      throw new DomainValidationException(
          "latencyMicros", "latency is not negative, got " + latencyMicros);
    }
  }

  private static void requireJson(String field, String json) {
    if (json == null || json.isBlank()) {
      throw new DomainValidationException(field, field + " must be JSON text, got nothing");
    }
    if (json.length() > JSON_MAX) {
      throw new DomainValidationException(
          field,
          field + " is " + json.length() + " characters long; at most " + JSON_MAX + " allowed");
    }
  }
}
