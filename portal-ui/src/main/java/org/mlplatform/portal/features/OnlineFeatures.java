package org.mlplatform.portal.features;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.DerivedFeatures;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.FeatureDefinition;
import org.mlplatform.domain.features.FeatureRef;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.features.JoinKey;
import org.mlplatform.domain.features.PersonalData;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.features.offline.OfflineTable;
import org.mlplatform.domain.features.online.OnlineLookup;
import org.mlplatform.domain.features.online.OnlineLookup.FeatureColumn;
import org.mlplatform.domain.features.online.OnlineStore;
import org.mlplatform.domain.security.PiiAccess;
import org.mlplatform.domain.security.PlatformUser;

/**
 * Online feature lookups for many entities at once: groups the requested features by view, turns
 * the request's entity columns into keys of each view, asks the online store once per view and
 * answers column by column with a status per value.
 */
@ApplicationScoped
public class OnlineFeatures {

  /**
   * The answer before it is put into Feast's JSON shape.
   *
   * @param personal the answered features whose view is tagged pii
   */
  public record Answer(
      List<String> joinKeyNames,
      List<List<Object>> joinKeyValues,
      List<FeatureColumn> features,
      Set<FeatureRef> personal) {

    public Answer {
      personal = Set.copyOf(personal);
    }

    /**
     * This answer as {@code reader} may see it: personal features' values replaced by null (their
     * statuses and event times stay, so a caller still learns that a value exists and how fresh).
     */
    public Answer asSeenBy(PlatformUser reader) {
      if (personal.isEmpty() || PiiAccess.maySee(reader)) {
        return this;
      }
      List<FeatureColumn> shown =
          features.stream()
              .map(
                  c ->
                      personal.contains(c.feature())
                          ? new FeatureColumn(
                              c.feature(),
                              Collections.nCopies(c.values().size(), null),
                              c.statuses(),
                              c.eventTimestamps())
                          : c)
              .toList();
      return new Answer(joinKeyNames, joinKeyValues, shown, personal);
    }

    /** The answered features whose values {@code reader} sees masked, in answer order. */
    public List<FeatureRef> maskedFor(PlatformUser reader) {
      if (PiiAccess.maySee(reader)) {
        return List.of();
      }
      return features.stream()
          .map(FeatureColumn::feature)
          .filter(personal::contains)
          .distinct()
          .toList();
    }
  }

  @Inject private ServingDefinitions definitions;
  @Inject private OnlineStore online;

  private final Clock clock = Clock.systemUTC();

  /**
   * Looks features up for many entities.
   *
   * @param entities join-key columns (and, as in Feast, possibly request data columns)
   * @param requestContext request data columns for derived features, aligned with the entities
   */
  public Answer lookup(
      List<FeatureRef> refs,
      Map<String, List<Object>> entities,
      Map<String, List<Object>> requestContext) {
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
    Set<FeatureRef> personal = new HashSet<>();
    for (Map.Entry<ResourceName, List<Integer>> group : positionsByView.entrySet()) {
      ServingDefinitions.ServedView served = definitions.view(group.getKey());
      FeatureViewDefinition view = served.view();
      if (PersonalData.isPersonal(view)) {
        group.getValue().forEach(i -> personal.add(refs.get(i)));
      }
      OfflineTable table = served.table();
      List<EntityKey> keys = keys(table.joinKeys(), entities, rows, usedKeys);
      List<Integer> storedPositions = new ArrayList<>();
      List<Integer> derivedPositions = new ArrayList<>();
      for (int position : group.getValue()) {
        (view.feature(refs.get(position).feature()).isPresent()
                ? storedPositions
                : derivedPositions)
            .add(position);
      }
      Map<EntityKey, Observation> found = online.lookup(table, keys);
      Instant now = clock.instant();
      int[] indexes =
          storedPositions.stream().mapToInt(i -> featureIndex(view, refs.get(i), i)).toArray();
      place(columns, storedPositions, OnlineLookup.resolve(view, indexes, keys, found, now));
      if (!derivedPositions.isEmpty()) {
        DerivedFeatures derived = served.derived();
        int[] derivedIndexes =
            derivedPositions.stream()
                .mapToInt(i -> derivedIndex(view, derived, refs.get(i), i))
                .toArray();
        List<Function<String, Object>> request =
            requestRows(view, entities, requestContext, rows, usedKeys);
        place(
            columns,
            derivedPositions,
            OnlineLookup.resolveDerived(view, derived, derivedIndexes, keys, found, request, now));
      }
    }
    List<String> keyNames = entities.keySet().stream().filter(usedKeys::contains).toList();
    return new Answer(
        keyNames, keyNames.stream().map(entities::get).toList(), List.of(columns), personal);
  }

  private static void place(
      FeatureColumn[] columns, List<Integer> positions, List<FeatureColumn> answered) {
    for (int j = 0; j < positions.size(); j++) {
      columns[positions.get(j)] = answered.get(j);
    }
  }

  /** Each entity's request data, typed as the view declares it; absent fields read as null. */
  private static List<Function<String, Object>> requestRows(
      FeatureViewDefinition view,
      Map<String, List<Object>> entities,
      Map<String, List<Object>> requestContext,
      int rows,
      Set<String> usedKeys) {
    Object[][] values = new Object[rows][view.requestFields().size()];
    Map<String, Integer> slots = new HashMap<>();
    for (int f = 0; f < view.requestFields().size(); f++) {
      FeatureDefinition field = view.requestFields().get(f);
      String name = field.name().value();
      slots.put(name, f);
      String source = "request_context";
      List<Object> column = requestContext == null ? null : requestContext.get(name);
      if (column == null && entities.containsKey(name)) {
        column = entities.get(name);
        source = "entities";
        usedKeys.add(name);
      }
      if (column == null) {
        throw new DomainValidationException(
            "request_context",
            "the derived features of "
                + view.name()
                + " need request data "
                + name
                + " ("
                + field.type()
                + "), one value per entity");
      }
      if (column.size() != rows) {
        throw new DomainValidationException(
            source + "." + name, "give one value per entity (" + rows + ")");
      }
      for (int r = 0; r < rows; r++) {
        try {
          values[r][f] = field.type().coerce(column.get(r));
        } catch (IllegalArgumentException e) {
          throw new DomainValidationException(source + "." + name + "[" + r + "]", e.getMessage());
        }
      }
    }
    List<Function<String, Object>> request = new ArrayList<>(rows);
    for (int r = 0; r < rows; r++) {
      Object[] row = values[r];
      request.add(name -> slots.containsKey(name) ? row[slots.get(name)] : null);
    }
    return request;
  }

  private static int derivedIndex(
      FeatureViewDefinition view, DerivedFeatures derived, FeatureRef ref, int position) {
    for (int i = 0; i < derived.definitions().size(); i++) {
      if (derived.definitions().get(i).name().equals(ref.feature())) {
        return i;
      }
    }
    throw new DomainValidationException(
        "features[" + position + "]",
        "feature view " + view.name() + " has no feature " + ref.feature());
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
