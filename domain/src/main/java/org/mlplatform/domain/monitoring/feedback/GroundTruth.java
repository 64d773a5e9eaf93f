package org.mlplatform.domain.monitoring.feedback;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;

/**
 * What a logged prediction should have answered, as told by someone who now knows.
 *
 * @param predictionId the id of the prediction in the log
 * @param row which row of the prediction this is about: a prediction logged for several rows is
 *     labelled per row; 0 for a single-row prediction
 * @param model the model that made the prediction (a valid {@link ResourceName})
 * @param label the right class, at most {@value #LABEL_MAX} characters; exactly one of label and
 *     value is present
 * @param value the right number, finite
 * @param givenBy who gave it, at most {@value #GIVEN_BY_MAX} characters
 * @param receivedAt when it arrived, kept to whole microseconds (as the database stores it); of two
 *     truths for the same prediction row, the one received later stands
 */
public record GroundTruth(
    UUID predictionId,
    int row,
    String model,
    Optional<String> label,
    OptionalDouble value,
    String givenBy,
    Instant receivedAt) {

  /** The length of the {@code label} column. */
  public static final int LABEL_MAX = 200;

  /** The length of the {@code given_by} column. */
  public static final int GIVEN_BY_MAX = 200;

  public GroundTruth {
    if (predictionId == null) {
      throw new DomainValidationException("predictionId", "predictionId must not be null");
    }
    Truth.checkRow(row);
    ResourceName.of("model", model);
    Truth.check(label, value);
    if (givenBy == null || givenBy.isBlank() || givenBy.length() > GIVEN_BY_MAX) {
      throw new DomainValidationException(
          "givenBy", "givenBy names who gave the truth in 1 to " + GIVEN_BY_MAX + " characters");
    }
    Objects.requireNonNull(receivedAt, "receivedAt");
    receivedAt = receivedAt.truncatedTo(ChronoUnit.MICROS);
  }

  /** The right class for a classifier's prediction. */
  public static GroundTruth label(
      UUID predictionId, int row, String model, String label, String givenBy, Instant receivedAt) {
    return new GroundTruth(
        predictionId,
        row,
        model,
        Optional.ofNullable(label),
        OptionalDouble.empty(),
        givenBy,
        receivedAt);
  }

  /** The right number for a regressor's prediction. */
  public static GroundTruth value(
      UUID predictionId, int row, String model, double value, String givenBy, Instant receivedAt) {
    return new GroundTruth(
        predictionId, row, model, Optional.empty(), OptionalDouble.of(value), givenBy, receivedAt);
  }
}
