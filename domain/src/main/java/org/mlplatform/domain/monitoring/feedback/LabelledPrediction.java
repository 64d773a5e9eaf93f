package org.mlplatform.domain.monitoring.feedback;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.mlplatform.domain.DomainValidationException;

/**
 * A logged prediction row beside its ground truth: what the model answered and what was right.
 *
 * @param predictionId the prediction's id in the log
 * @param row the row of the prediction the truth is about
 * @param predictedAt when the prediction was made
 * @param version the model version that answered
 * @param outputs the logged answer, JSON text as the log holds it (every row of the prediction)
 * @param label the right class; exactly one of label and value is present
 * @param value the right number
 */
public record LabelledPrediction(
    UUID predictionId,
    int row,
    Instant predictedAt,
    int version,
    String outputs,
    Optional<String> label,
    OptionalDouble value) {

  public LabelledPrediction {
    Objects.requireNonNull(predictionId, "predictionId");
    Truth.checkRow(row);
    Objects.requireNonNull(predictedAt, "predictedAt");
    if (version < 1) {
      throw new DomainValidationException("version", "version numbers start at 1, got " + version);
    }
    Objects.requireNonNull(outputs, "outputs");
    Truth.check(label, value);
  }
}
