package org.mlplatform.persistence.models;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.BatchSize;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.ModelDefinition;

/** Row of {@code ml_model} with its tags. Its row lock orders registrations of one model. */
@Entity
@Table(name = "ml_model")
class ModelRecord {

  @Id private String name;

  @Column(nullable = false)
  private String description;

  @Column(nullable = false)
  private String owner;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  // Loaded for a page of models at a time rather than one query per model.
  @ElementCollection(fetch = FetchType.EAGER)
  @BatchSize(size = 100)
  @CollectionTable(name = "ml_model_tag", joinColumns = @JoinColumn(name = "model_name"))
  @Column(name = "tag", nullable = false)
  private Set<String> tags = new HashSet<>();

  protected ModelRecord() {}

  static ModelRecord from(ModelDefinition model) {
    ModelRecord record = new ModelRecord();
    record.name = model.name().value();
    record.update(model);
    return record;
  }

  void update(ModelDefinition model) {
    description = model.description();
    owner = model.owner();
    createdAt = model.createdAt();
    updatedAt = model.updatedAt();
    tags.clear();
    tags.addAll(model.tags());
  }

  ModelDefinition toDefinition() {
    return new ModelDefinition(
        new ResourceName(name), description, owner, tags, createdAt, updatedAt);
  }
}
