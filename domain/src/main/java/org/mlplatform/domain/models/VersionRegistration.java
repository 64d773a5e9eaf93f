package org.mlplatform.domain.models;

import java.util.Map;
import java.util.Objects;
import org.mlplatform.domain.DomainValidationException;

/**
 * What a caller brings to register a version: the stored file and what is known about it. The
 * registry adds the model, the version number and the time.
 *
 * @param format the file format; only {@value ModelVersion#ONNX} is accepted
 * @param registeredBy the user registering the version
 */
public record VersionRegistration(
    StoredArtifact artifact,
    String format,
    ModelSignature signature,
    String description,
    Map<String, Double> metrics,
    Map<String, String> hyperparameters,
    ModelLineage lineage,
    String registeredBy) {

  public VersionRegistration {
    Objects.requireNonNull(artifact, "artifact");
    format = format == null ? ModelVersion.ONNX : format;
    if (!format.equals(ModelVersion.ONNX)) {
      throw new DomainValidationException(
          "format", "only ONNX models are accepted, not '" + format + "'");
    }
    Objects.requireNonNull(signature, "signature");
    description = Texts.optional("description", description, Texts.DESCRIPTION_MAX);
    metrics = Texts.metrics(metrics);
    hyperparameters = Texts.hyperparameters(hyperparameters);
    lineage = Objects.requireNonNullElse(lineage, ModelLineage.unknown());
    registeredBy = Texts.required("registeredBy", registeredBy, Texts.PERSON_MAX);
  }

  /** The registered version these facts become under {@code id}. */
  public ModelVersion asVersion(ModelVersionId id, java.time.Instant registeredAt) {
    return new ModelVersion(
        id,
        artifact,
        format,
        signature,
        description,
        metrics,
        hyperparameters,
        lineage,
        registeredBy,
        registeredAt);
  }
}
