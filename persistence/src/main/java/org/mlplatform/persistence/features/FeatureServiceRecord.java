package org.mlplatform.persistence.features;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mlplatform.domain.features.FeatureRef;
import org.mlplatform.domain.features.FeatureServiceDefinition;
import org.mlplatform.domain.features.ResourceName;

/** One version of a feature service: row of {@code fs_feature_service} with its child rows. */
@Entity
@Table(name = "fs_feature_service")
@IdClass(FeatureServiceRecord.Key.class)
class FeatureServiceRecord {

  /** The composite identity: name and version. */
  record Key(String name, int version) implements Serializable {
    Key() {
      this(null, 0);
    }
  }

  @Id private String name;
  @Id private int version;

  @Column(nullable = false)
  private String owner;

  @Column(nullable = false)
  private String description;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "fs_feature_service_feature",
      joinColumns = {
        @JoinColumn(name = "service_name", referencedColumnName = "name"),
        @JoinColumn(name = "service_version", referencedColumnName = "version")
      })
  @OrderColumn(name = "position")
  @Column(name = "feature_ref", nullable = false)
  private List<String> features = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "fs_feature_service_tag",
      joinColumns = {
        @JoinColumn(name = "service_name", referencedColumnName = "name"),
        @JoinColumn(name = "service_version", referencedColumnName = "version")
      })
  @Column(name = "tag", nullable = false)
  private Set<String> tags = new HashSet<>();

  protected FeatureServiceRecord() {}

  static FeatureServiceRecord from(FeatureServiceDefinition service) {
    FeatureServiceRecord record = new FeatureServiceRecord();
    record.name = service.name().value();
    record.version = service.version();
    record.update(service);
    return record;
  }

  void update(FeatureServiceDefinition service) {
    owner = service.owner();
    description = service.description();
    features.clear();
    service.features().forEach(f -> features.add(f.toString()));
    tags.clear();
    tags.addAll(service.tags());
  }

  FeatureServiceDefinition toDefinition() {
    return new FeatureServiceDefinition(
        new ResourceName(name),
        version,
        features.stream().map(f -> FeatureRef.parse("features", f)).toList(),
        owner,
        tags,
        description);
  }
}
