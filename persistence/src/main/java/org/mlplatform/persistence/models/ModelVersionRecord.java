package org.mlplatform.persistence.models;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.hibernate.annotations.Immutable;
import org.mlplatform.domain.models.ModelLineage;
import org.mlplatform.domain.models.ModelSource;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.ModelVersionId;
import org.mlplatform.domain.models.StoredArtifact;

/**
 * Row of {@code ml_model_version}. Immutable, like the version it stores: Hibernate never writes an
 * update for it.
 */
@Entity
@Immutable
@Table(name = "ml_model_version")
@IdClass(ModelVersionRecord.Key.class)
class ModelVersionRecord {

  /** The composite identity: model name and version number. */
  record Key(String modelName, int version) implements Serializable {
    Key() {
      this(null, 0);
    }

    static Key of(ModelVersionId id) {
      return new Key(id.model().value(), id.number());
    }
  }

  @Id
  @Column(name = "model_name")
  private String modelName;

  @Id private int version;

  @Column(nullable = false)
  private String format;

  @Column(nullable = false)
  private String sha256;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(nullable = false)
  private String description;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ModelSource source;

  @Column(name = "training_set_id")
  private String trainingSetId;

  @Column(name = "feature_service")
  private String featureService;

  @Column(name = "parent_version")
  private Integer parentVersion;

  private String algorithm;

  @Column(name = "registered_by", nullable = false)
  private String registeredBy;

  @Column(name = "registered_at", nullable = false)
  private Instant registeredAt;

  @Column(name = "signature_json", nullable = false)
  private String signatureJson;

  @Column(name = "metrics_json", nullable = false)
  private String metricsJson;

  @Column(name = "hyperparameters_json", nullable = false)
  private String hyperparametersJson;

  @Column(name = "mapping_json", nullable = false)
  private String mappingJson;

  protected ModelVersionRecord() {}

  static ModelVersionRecord from(ModelVersion version) {
    ModelVersionRecord r = new ModelVersionRecord();
    ModelLineage lineage = version.lineage();
    r.modelName = version.model().value();
    r.version = version.number();
    r.format = version.format();
    r.sha256 = version.artifact().sha256();
    r.sizeBytes = version.artifact().size();
    r.description = version.description();
    r.source = lineage.source();
    r.trainingSetId = lineage.trainingSetId().orElse(null);
    r.featureService = lineage.featureService().orElse(null);
    r.parentVersion =
        lineage.parentVersion().isPresent() ? lineage.parentVersion().getAsInt() : null;
    r.algorithm = lineage.algorithm().orElse(null);
    r.registeredBy = version.registeredBy();
    r.registeredAt = version.registeredAt();
    r.signatureJson = VersionJson.signature(version.signature());
    r.metricsJson = VersionJson.metrics(version.metrics());
    r.hyperparametersJson = VersionJson.hyperparameters(version.hyperparameters());
    r.mappingJson = VersionJson.mapping(lineage.featureMapping(), lineage.labelNames());
    return r;
  }

  ModelVersion toVersion() {
    VersionJson.Mapping mapping = VersionJson.mapping(mappingJson);
    ModelLineage lineage =
        new ModelLineage(
            source,
            Optional.ofNullable(trainingSetId),
            Optional.ofNullable(featureService),
            mapping.features(),
            mapping.labels(),
            parentVersion == null ? OptionalInt.empty() : OptionalInt.of(parentVersion),
            Optional.ofNullable(algorithm));
    return new ModelVersion(
        ModelVersionId.of(modelName, version),
        new StoredArtifact(sha256, sizeBytes),
        format,
        VersionJson.signature(signatureJson),
        description,
        VersionJson.metrics(metricsJson),
        VersionJson.hyperparameters(hyperparametersJson),
        lineage,
        registeredBy,
        registeredAt);
  }
}
