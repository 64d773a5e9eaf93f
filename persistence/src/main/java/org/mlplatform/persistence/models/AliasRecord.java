package org.mlplatform.persistence.models;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.Alias;
import org.mlplatform.domain.models.AliasName;

/** Row of {@code ml_alias}: where one alias of a model points now. */
@Entity
@Table(name = "ml_alias")
@IdClass(AliasRecord.Key.class)
class AliasRecord {

  /** The composite identity: model name and alias name. */
  record Key(String modelName, String alias) implements Serializable {
    Key() {
      this(null, null);
    }
  }

  @Id
  @Column(name = "model_name")
  private String modelName;

  @Id private String alias;

  @Column(nullable = false)
  private int version;

  protected AliasRecord() {}

  static AliasRecord from(Alias alias) {
    AliasRecord r = new AliasRecord();
    r.modelName = alias.model().value();
    r.alias = alias.name().value();
    r.version = alias.version();
    return r;
  }

  void pointAt(int newVersion) {
    version = newVersion;
  }

  Alias toAlias() {
    return new Alias(new ResourceName(modelName), new AliasName(alias), version);
  }
}
