package org.mlplatform.domain.features.online;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.DerivedFeatures;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.FeatureRef;
import org.mlplatform.domain.features.FeatureViewDefinition;

/**
 * Turns the rows an {@link OnlineStore} found into the answer of an online lookup: per requested
 * feature, one value, status and event time per requested entity, in the order the entities were
 * asked for (Feast's column-wise {@code results}).
 *
 * <p>The view's TTL is enforced here, at the moment of the lookup, with the same inclusive boundary
 * as {@link FeatureViewDefinition#isFresh}: a row exactly TTL old is still served. A stale row's
 * values are withheld (null, {@link OnlineStatus#OUTSIDE_MAX_AGE}) but its event time is kept, so a
 * client can see how stale it is; an entity without a row has neither (null, {@link
 * OnlineStatus#NOT_FOUND}).
 */
public final class OnlineLookup {

  /**
   * One requested feature's answer for every requested entity, in request order. The lists are
   * unmodifiable and may hold nulls (values of any status but PRESENT, times of NOT_FOUND).
   */
  public record FeatureColumn(
      FeatureRef feature,
      List<Object> values,
      List<OnlineStatus> statuses,
      List<Instant> eventTimestamps) {

    public FeatureColumn {
      Objects.requireNonNull(feature, "feature");
      values = readOnly(values);
      statuses = readOnly(statuses);
      eventTimestamps = readOnly(eventTimestamps);
      if (statuses.size() != values.size() || eventTimestamps.size() != values.size()) {
        throw new IllegalArgumentException("values, statuses and event timestamps differ in size");
      }
      if (statuses.contains(null)) {
        throw new IllegalArgumentException("every value needs a status");
      }
    }

    /** List.copyOf refuses nulls, which are legitimate values here. */
    @SuppressWarnings("unchecked")
    private static <T> List<T> readOnly(List<T> list) {
      return Collections.unmodifiableList(Arrays.asList((T[]) list.toArray()));
    }
  }

  private OnlineLookup() {}

  /**
   * Answers a lookup of some features of one view.
   *
   * @param view the view version whose rows {@code found} holds (values in its feature order)
   * @param featureIndexes the requested features, as indexes into {@code view.features()}, in the
   *     order of the answer's columns; a feature may be requested twice
   * @param keys the requested entities in request order; repeats are answered each time
   * @param found the rows the online store returned, by entity key
   * @param now the moment the TTL is measured against
   * @return one column per requested feature, in {@code featureIndexes} order
   * @throws IllegalArgumentException when an index is out of range or a row does not have the
   *     view's number of features (a row of another version of the view)
   */
  public static List<FeatureColumn> resolve(
      FeatureViewDefinition view,
      int[] featureIndexes,
      List<EntityKey> keys,
      Map<EntityKey, Observation> found,
      Instant now) {
    Objects.requireNonNull(now, "now");
    int featureCount = view.features().size();
    for (int index : featureIndexes) {
      if (index < 0 || index >= featureCount) {
        throw new IllegalArgumentException(
            "feature index " + index + " is outside " + view.name() + "'s " + featureCount);
      }
    }
    // Row-level facts first: whether each entity has a row and whether it is fresh.
    int n = keys.size();
    Observation[] rows = new Observation[n];
    boolean[] fresh = new boolean[n];
    for (int i = 0; i < n; i++) {
      Observation row = found.get(keys.get(i));
      if (row != null) {
        if (row.values().length != featureCount) {
          throw new IllegalArgumentException(
              "a stored row of "
                  + keys.get(i)
                  + " has "
                  + row.values().length
                  + " values; "
                  + view.name()
                  + " v"
                  + view.version()
                  + " has "
                  + featureCount
                  + " features");
        }
        rows[i] = row;
        fresh[i] = view.isFresh(row.eventTime(), now);
      }
    }
    FeatureColumn[] columns = new FeatureColumn[featureIndexes.length];
    for (int c = 0; c < featureIndexes.length; c++) {
      columns[c] = column(view, featureIndexes[c], rows, fresh);
    }
    return List.of(columns);
  }

  /**
   * Answers a lookup of some derived features of one view, evaluated exactly as a training set
   * evaluates them: from the row's stored values when the row exists and is fresh, otherwise from
   * nulls. A null result keeps the row's status (NOT_FOUND, OUTSIDE_MAX_AGE) or is NULL_VALUE.
   *
   * @param derivedIndexes the requested derived features, as indexes into {@code
   *     derived.definitions()}
   * @param request per entity (request order), the request data by field name
   */
  public static List<FeatureColumn> resolveDerived(
      FeatureViewDefinition view,
      DerivedFeatures derived,
      int[] derivedIndexes,
      List<EntityKey> keys,
      Map<EntityKey, Observation> found,
      List<Function<String, Object>> request,
      Instant now) {
    int n = keys.size();
    Object[][] values = new Object[n][];
    OnlineStatus[] rowStatus = new OnlineStatus[n];
    Instant[] times = new Instant[n];
    for (int i = 0; i < n; i++) {
      Observation row = found.get(keys.get(i));
      Object[] stored = null;
      if (row == null) {
        rowStatus[i] = OnlineStatus.NOT_FOUND;
      } else {
        times[i] = row.eventTime();
        if (view.isFresh(row.eventTime(), now)) {
          rowStatus[i] = OnlineStatus.PRESENT;
          stored = row.values();
        } else {
          rowStatus[i] = OnlineStatus.OUTSIDE_MAX_AGE;
        }
      }
      values[i] = derived.evaluate(stored, request.get(i));
    }
    List<FeatureColumn> columns = new java.util.ArrayList<>();
    for (int index : derivedIndexes) {
      Object[] column = new Object[n];
      OnlineStatus[] statuses = new OnlineStatus[n];
      for (int i = 0; i < n; i++) {
        column[i] = values[i][index];
        statuses[i] =
            column[i] != null
                ? OnlineStatus.PRESENT
                : rowStatus[i] == OnlineStatus.PRESENT ? OnlineStatus.NULL_VALUE : rowStatus[i];
      }
      columns.add(
          new FeatureColumn(
              new FeatureRef(view.name(), derived.definitions().get(index).name()),
              Arrays.asList(column),
              Arrays.asList(statuses),
              Arrays.asList(times.clone())));
    }
    return List.copyOf(columns);
  }

  private static FeatureColumn column(
      FeatureViewDefinition view, int featureIndex, Observation[] rows, boolean[] fresh) {
    Object[] values = new Object[rows.length];
    OnlineStatus[] statuses = new OnlineStatus[rows.length];
    Instant[] times = new Instant[rows.length];
    for (int i = 0; i < rows.length; i++) {
      Observation row = rows[i];
      if (row == null) {
        statuses[i] = OnlineStatus.NOT_FOUND;
        continue;
      }
      times[i] = row.eventTime();
      if (!fresh[i]) {
        statuses[i] = OnlineStatus.OUTSIDE_MAX_AGE;
        continue;
      }
      values[i] = row.values()[featureIndex];
      statuses[i] = values[i] == null ? OnlineStatus.NULL_VALUE : OnlineStatus.PRESENT;
    }
    return new FeatureColumn(
        new FeatureRef(view.name(), view.features().get(featureIndex).name()),
        Arrays.asList(values),
        Arrays.asList(statuses),
        Arrays.asList(times));
  }
}
