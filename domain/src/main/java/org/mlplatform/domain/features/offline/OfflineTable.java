package org.mlplatform.domain.features.offline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.CRC32;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.EntityDefinition;
import org.mlplatform.domain.features.FeatureDefinition;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.features.JoinKey;
import org.mlplatform.domain.features.ResourceName;

/**
 * The stored shape of one feature view version: its join keys (in entity order), then {@link
 * FeatureViewDefinition#EVENT_TIMESTAMP}, then its features. Column names are unique, so a row can
 * be addressed by name.
 */
public record OfflineTable(
    ResourceName view, int version, List<JoinKey> joinKeys, List<FeatureDefinition> features) {

  /** PostgreSQL silently truncates longer identifiers, which could merge two views' tables. */
  private static final int MAX_IDENTIFIER_LENGTH = 63;

  public OfflineTable {
    Objects.requireNonNull(view, "view");
    if (version < 1) {
      throw new IllegalArgumentException("version starts at 1");
    }
    joinKeys = List.copyOf(joinKeys);
    features = List.copyOf(features);
    if (joinKeys.isEmpty()) {
      throw new DomainValidationException("entities", "a feature view needs at least one join key");
    }
    if (features.isEmpty()) {
      throw new DomainValidationException("features", "a feature view needs at least one feature");
    }
    Set<String> seen = new HashSet<>();
    seen.add(FeatureViewDefinition.EVENT_TIMESTAMP);
    for (int i = 0; i < joinKeys.size(); i++) {
      if (!seen.add(joinKeys.get(i).name().value())) {
        throw new DomainValidationException(
            "entities", "join key " + joinKeys.get(i).name() + " appears twice or is reserved");
      }
    }
    for (int i = 0; i < features.size(); i++) {
      if (!seen.add(features.get(i).name().value())) {
        throw new DomainValidationException(
            "features[" + i + "].name",
            "feature " + features.get(i).name() + " clashes with a join key or a reserved column");
      }
    }
  }

  /**
   * The table of a view version whose entities are given (at least those the view names).
   *
   * @throws DomainValidationException when the view names an entity that is not given
   */
  public static OfflineTable of(FeatureViewDefinition view, List<EntityDefinition> entities) {
    Map<ResourceName, EntityDefinition> byName = new HashMap<>();
    entities.forEach(e -> byName.put(e.name(), e));
    List<JoinKey> keys = new ArrayList<>();
    for (ResourceName entity : view.entities()) {
      EntityDefinition definition = byName.get(entity);
      if (definition == null) {
        throw new DomainValidationException("entities", "unknown entity " + entity);
      }
      keys.addAll(definition.joinKeys());
    }
    return new OfflineTable(view.name(), view.version(), keys, view.features());
  }

  /**
   * The SQL table name, {@code fv_<view>_v<version>}. Names too long for every database keep a
   * prefix and gain a checksum of the full view name, so distinct views never share a table.
   */
  public String tableName() {
    String suffix = "_v" + version;
    String plain = "fv_" + view.value() + suffix;
    if (plain.length() <= MAX_IDENTIFIER_LENGTH) {
      return plain;
    }
    CRC32 crc = new CRC32();
    crc.update(view.value().getBytes(StandardCharsets.US_ASCII));
    String checksum = "_" + String.format("%08x", crc.getValue());
    int room = MAX_IDENTIFIER_LENGTH - "fv_".length() - checksum.length() - suffix.length();
    return "fv_" + view.value().substring(0, room) + checksum + suffix;
  }

  /** Every column a row carries, in stored order: join keys, event timestamp, features. */
  public List<String> columnNames() {
    List<String> names = new ArrayList<>(joinKeys.size() + 1 + features.size());
    joinKeys.forEach(k -> names.add(k.name().value()));
    names.add(FeatureViewDefinition.EVENT_TIMESTAMP);
    features.forEach(f -> names.add(f.name().value()));
    return names;
  }
}
