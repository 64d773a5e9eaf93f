package org.mlplatform.persistence.models;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.mlplatform.domain.models.CardText;
import org.mlplatform.domain.models.ModelCard;
import org.mlplatform.domain.models.ModelVersionId;

/** Row of {@code ml_model_card}: the editable text of one version's card. */
@Entity
@Table(name = "ml_model_card")
@IdClass(ModelVersionRecord.Key.class)
class ModelCardRecord {

  @Id
  @Column(name = "model_name")
  private String modelName;

  @Id private int version;

  @Column(name = "intended_use", nullable = false)
  private String intendedUse;

  @Column(nullable = false)
  private String limitations;

  @Column(name = "ethical_considerations", nullable = false)
  private String ethicalConsiderations;

  @Column(name = "training_data_summary", nullable = false)
  private String trainingDataSummary;

  @Column(name = "updated_by", nullable = false)
  private String updatedBy;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected ModelCardRecord() {}

  static ModelCardRecord from(ModelCard card) {
    ModelCardRecord r = new ModelCardRecord();
    r.modelName = card.version().model().value();
    r.version = card.version().number();
    r.update(card);
    return r;
  }

  void update(ModelCard card) {
    intendedUse = card.intendedUse();
    limitations = card.limitations();
    ethicalConsiderations = card.ethicalConsiderations();
    trainingDataSummary = card.trainingDataSummary();
    updatedBy = card.updatedBy();
    updatedAt = card.updatedAt().orElse(null);
  }

  ModelCard toCard() {
    return new ModelCard(
        ModelVersionId.of(modelName, version),
        new CardText(intendedUse, limitations, ethicalConsiderations, trainingDataSummary),
        updatedBy,
        Optional.ofNullable(updatedAt));
  }
}
