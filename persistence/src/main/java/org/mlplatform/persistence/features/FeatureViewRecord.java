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
import org.mlplatform.domain.features.DerivedFeatureDefinition;
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

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "fs_derived_feature",
      joinColumns = {
        @JoinColumn(name = "view_name", referencedColumnName = "name"),
        @JoinColumn(name = "view_version", referencedColumnName = "version")
      })
  @OrderColumn(name = "position")
  private List<DerivedColumn> derivedFeatures = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "fs_request_field",
      joinColumns = {
        @JoinColumn(name = "view_name", referencedColumnName = "name"),
        @JoinColumn(name = "view_version", referencedColumnName = "version")
      })
  @OrderColumn(name = "position")
  private List<FeatureColumn> requestFields = new ArrayList<>();

  /** One derived feature: name, expression, result type and description. */
  @Embeddable
  static class DerivedColumn {
    @Column(name = "name", nullable = false)
    String name;

    @Column(name = "expression", nullable = false)
    String expression;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false)
    FeatureType type;

    @Column(name = "description", nullable = false)
    String description;
  }

  /** One feature or request field: name, type (stored by name) and description. */
  @Embeddable
  static class FeatureColumn {
    @Column(name = "name", nullable = false)
    String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false)
    FeatureType type;

    @Column(name = "description", nullable = false)
    String description;

    static FeatureColumn of(FeatureDefinition f) {
      FeatureColumn column = new FeatureColumn();
      column.name = f.name().value();
      column.type = f.type();
      column.description = f.description();
      return column;
    }

    FeatureDefinition toDefinition() {
      return new FeatureDefinition(new ResourceName(name), type, description);
    }
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
    view.features().forEach(f -> features.add(FeatureColumn.of(f)));
    requestFields.clear();
    view.requestFields().forEach(f -> requestFields.add(FeatureColumn.of(f)));
    derivedFeatures.clear();
    for (DerivedFeatureDefinition d : view.derivedFeatures()) {
      DerivedColumn column = new DerivedColumn();
      column.name = d.name().value();
      column.expression = d.expression();
      column.type = d.type();
      column.description = d.description();
      derivedFeatures.add(column);
    }
    tags.clear();
    tags.addAll(view.tags());
  }

  FeatureViewDefinition toDefinition() {
    return new FeatureViewDefinition(
        new ResourceName(name),
        version,
        entities.stream().map(ResourceName::new).toList(),
        features.stream().map(FeatureColumn::toDefinition).toList(),
        Duration.ofSeconds(ttlSeconds),
        owner,
        tags,
        description,
        derivedFeatures.stream()
            .map(
                d ->
                    new DerivedFeatureDefinition(
                        new ResourceName(d.name), d.expression, d.type, d.description))
            .toList(),
        requestFields.stream().map(FeatureColumn::toDefinition).toList());
  }
}
