package org.mlplatform.domain.models;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;

/**
 * One registered model file and everything known about it when it was registered. Immutable: no
 * method changes it and the repository offers no update, so what was approved, deployed or compared
 * is what stays on record. Aliases and the model card, the parts that change, live beside it.
 *
 * @param metrics evaluation results by name, finite numbers only, in name order
 * @param hyperparameters training settings by name, in name order
 */
public record ModelVersion(
    ModelVersionId id,
    StoredArtifact artifact,
    String format,
    ModelSignature signature,
    String description,
    Map<String, Double> metrics,
    Map<String, String> hyperparameters,
    ModelLineage lineage,
    String registeredBy,
    Instant registeredAt) {

  /** The one format the registry accepts. */
  public static final String ONNX = "onnx";

  public ModelVersion {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(artifact, "artifact");
    if (!ONNX.equals(format)) {
      throw new DomainValidationException("format", "only ONNX models are accepted");
    }
    Objects.requireNonNull(signature, "signature");
    description = Texts.optional("description", description, Texts.DESCRIPTION_MAX);
    metrics = Texts.metrics(metrics);
    hyperparameters = Texts.hyperparameters(hyperparameters);
    Objects.requireNonNull(lineage, "lineage");
    registeredBy = Texts.required("registeredBy", registeredBy, Texts.PERSON_MAX);
    Objects.requireNonNull(registeredAt, "registeredAt");
    if (lineage.parentVersion().isPresent() && lineage.parentVersion().getAsInt() >= id.number()) {
      throw new DomainValidationException(
          "parentVersion", "a version can only be retrained from an earlier version");
    }
  }

  public ResourceName model() {
    return id.model();
  }

  public int number() {
    return id.number();
  }

  /** The version this one was retrained from, when there is one. */
  public java.util.Optional<ModelVersionId> parent() {
    return lineage.parentVersion().isPresent()
        ? java.util.Optional.of(new ModelVersionId(id.model(), lineage.parentVersion().getAsInt()))
        : java.util.Optional.empty();
  }
}
