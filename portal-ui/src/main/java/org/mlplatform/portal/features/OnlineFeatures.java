package org.mlplatform.portal.features;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.FeatureRef;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.features.JoinKey;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.features.offline.OfflineTable;
import org.mlplatform.domain.features.online.OnlineLookup;
import org.mlplatform.domain.features.online.OnlineLookup.FeatureColumn;
import org.mlplatform.domain.features.online.OnlineStore;

/**
 * Online feature lookups for many entities at once: groups the requested features by view, turns
 * the request's entity columns into keys of each view, asks the online store once per view and
 * answers column by column with a status per value.
 */
@ApplicationScoped
public class OnlineFeatures {

  /** The answer before it is put into Feast's JSON shape. */
  public record Answer(
      List<String> joinKeyNames, List<List<Object>> joinKeyValues, List<FeatureColumn> features) {}

  @Inject private FeatureStoreService catalog;
  @Inject private OnlineStore online;

  private final Clock clock = Clock.systemUTC();

  public Answer lookup(List<FeatureRef> refs, Map<String, List<Object>> entities) {
    if (refs.isEmpty()) {
      throw new DomainValidationException("features", "name at least one feature as view:feature");
    }
    int rows = rowCount(entities);
    Map<ResourceName, List<Integer>> positionsByView = new LinkedHashMap<>();
    for (int i = 0; i < refs.size(); i++) {
      positionsByView.computeIfAbsent(refs.get(i).view(), v -> new ArrayList<>()).add(i);
    }
    FeatureColumn[] columns = new FeatureColumn[refs.size()];
    Set<String> usedKeys = new HashSet<>();
    for (Map.Entry<ResourceName, List<Integer>> group : positionsByView.entrySet()) {
      FeatureViewDefinition view = catalog.latestView(group.getKey());
      OfflineTable table =
          OfflineTable.of(view, view.entities().stream().map(catalog::entity).toList());
      List<EntityKey> keys = keys(table.joinKeys(), entities, rows, usedKeys);
      int[] indexes =
          group.getValue().stream().mapToInt(i -> featureIndex(view, refs.get(i), i)).toArray();
      List<FeatureColumn> answered =
          OnlineLookup.resolve(view, indexes, keys, online.lookup(table, keys), clock.instant());
      for (int j = 0; j < indexes.length; j++) {
        columns[group.getValue().get(j)] = answered.get(j);
      }
    }
    List<String> keyNames = entities.keySet().stream().filter(usedKeys::contains).toList();
    return new Answer(keyNames, keyNames.stream().map(entities::get).toList(), List.of(columns));
  }

  private static int rowCount(Map<String, List<Object>> entities) {
    if (entities == null || entities.isEmpty()) {
      throw new DomainValidationException(
          "entities", "give the join-key values, e.g. {\"customer_id\": [1, 2]}");
    }
    int rows = -1;
    for (Map.Entry<String, List<Object>> e : entities.entrySet()) {
      if (e.getValue() == null || e.getValue().isEmpty()) {
        throw new DomainValidationException("entities." + e.getKey(), "give at least one value");
      }
      if (rows >= 0 && e.getValue().size() != rows) {
        throw new DomainValidationException(
            "entities." + e.getKey(), "every join key needs the same number of values");
      }
      rows = e.getValue().size();
    }
    if (rows > 10_000) {
      throw new DomainValidationException("entities", "at most 10,000 entities per request");
    }
    return rows;
  }

  private static List<EntityKey> keys(
      List<JoinKey> joinKeys, Map<String, List<Object>> entities, int rows, Set<String> usedKeys) {
    List<EntityKey> keys = new ArrayList<>(rows);
    for (int r = 0; r < rows; r++) {
      Object[] parts = new Object[joinKeys.size()];
      for (int k = 0; k < parts.length; k++) {
        JoinKey key = joinKeys.get(k);
        String name = key.name().value();
        List<Object> column = entities.get(name);
        if (column == null) {
          throw new DomainValidationException("entities", "missing join key " + name);
        }
        usedKeys.add(name);
        try {
          parts[k] = key.type().coerce(column.get(r));
        } catch (IllegalArgumentException e) {
          throw new DomainValidationException("entities." + name + "[" + r + "]", e.getMessage());
        }
        if (parts[k] == null) {
          throw new DomainValidationException(
              "entities." + name + "[" + r + "]", "a join key value must not be null");
        }
      }
      keys.add(EntityKey.of(parts));
    }
    return keys;
  }

  private static int featureIndex(FeatureViewDefinition view, FeatureRef ref, int position) {
    for (int i = 0; i < view.features().size(); i++) {
      if (view.features().get(i).name().equals(ref.feature())) {
        return i;
      }
    }
    throw new DomainValidationException(
        "features[" + position + "]",
        "feature view " + view.name() + " has no feature " + ref.feature());
  }
}
