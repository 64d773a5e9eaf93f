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
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mlplatform.domain.features.FeatureDefinition;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.features.ResourceName;

/** One version of a feature view: row of {@code fs_feature_view} with its child rows. */
@Entity
@Table(name = "fs_feature_view")
@IdClass(FeatureViewRecord.Key.class)
class FeatureViewRecord {

  /** The composite identity: name and version. */
  record Key(String name, int version) implements Serializable {
    Key() {
      this(null, 0);
    }
  }

  @Id private String name;
  @Id private int version;

  @Column(name = "ttl_seconds", nullable = false)
  private long ttlSeconds;

  @Column(nullable = false)
  private String owner;

  @Column(nullable = false)
  private String description;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "fs_feature_view_entity",
      joinColumns = {
        @JoinColumn(name = "view_name", referencedColumnName = "name"),
        @JoinColumn(name = "view_version", referencedColumnName = "version")
      })
  @OrderColumn(name = "position")
  @Column(name = "entity_name", nullable = false)
  private List<String> entities = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "fs_feature",
      joinColumns = {
        @JoinColumn(name = "view_name", referencedColumnName = "name"),
        @JoinColumn(name = "view_version", referencedColumnName = "version")
      })
  @OrderColumn(name = "position")
  private List<FeatureColumn> features = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "fs_feature_view_tag",
      joinColumns = {
        @JoinColumn(name = "view_name", referencedColumnName = "name"),
        @JoinColumn(name = "view_version", referencedColumnName = "version")
      })
  @Column(name = "tag", nullable = false)
  private Set<String> tags = new HashSet<>();

  /** One feature: name, type (stored by name) and description. */
  @Embeddable
  static class FeatureColumn {
    @Column(name = "name", nullable = false)
    String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false)
    FeatureType type;

    @Column(name = "description", nullable = false)
    String description;
  }

  protected FeatureViewRecord() {}

  static FeatureViewRecord from(FeatureViewDefinition view) {
    FeatureViewRecord record = new FeatureViewRecord();
    record.name = view.name().value();
    record.version = view.version();
    record.update(view);
    return record;
  }

  void update(FeatureViewDefinition view) {
    ttlSeconds = view.ttl().toSeconds();
    owner = view.owner();
    description = view.description();
    entities.clear();
    view.entities().forEach(e -> entities.add(e.value()));
    features.clear();
    for (FeatureDefinition f : view.features()) {
      FeatureColumn column = new FeatureColumn();
      column.name = f.name().value();
      column.type = f.type();
      column.description = f.description();
      features.add(column);
    }
    tags.clear();
    tags.addAll(view.tags());
  }

  FeatureViewDefinition toDefinition() {
    return new FeatureViewDefinition(
        new ResourceName(name),
        version,
        entities.stream().map(ResourceName::new).toList(),
        features.stream()
            .map(f -> new FeatureDefinition(new ResourceName(f.name), f.type, f.description))
            .toList(),
        Duration.ofSeconds(ttlSeconds),
        owner,
        tags,
        description);
  }
}
