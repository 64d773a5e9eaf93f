package org.mlplatform.persistence.features;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.mlplatform.domain.features.EntityDefinition;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.JoinKey;
import org.mlplatform.domain.features.ResourceName;

/** Row of {@code fs_entity} with its join keys. */
@Entity
@Table(name = "fs_entity")
class EntityRecord {

  @Id private String name;

  @Column(nullable = false)
  private String description;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "fs_entity_join_key", joinColumns = @JoinColumn(name = "entity_name"))
  @OrderColumn(name = "position")
  private List<KeyColumn> joinKeys = new ArrayList<>();

  /** One join key: name and type, stored by name. */
  @Embeddable
  static class KeyColumn {
    @Column(name = "name", nullable = false)
    String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false)
    FeatureType type;
  }

  protected EntityRecord() {}

  static EntityRecord from(EntityDefinition entity) {
    EntityRecord record = new EntityRecord();
    record.name = entity.name().value();
    record.update(entity);
    return record;
  }

  void update(EntityDefinition entity) {
    description = entity.description();
    joinKeys.clear();
    for (JoinKey key : entity.joinKeys()) {
      KeyColumn column = new KeyColumn();
      column.name = key.name().value();
      column.type = key.type();
      joinKeys.add(column);
    }
  }

  EntityDefinition toDefinition() {
    return new EntityDefinition(
        new ResourceName(name),
        joinKeys.stream().map(k -> new JoinKey(new ResourceName(k.name), k.type)).toList(),
        description);
  }
}
