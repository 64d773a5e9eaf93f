package org.mlplatform.domain.features.offline;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.mlplatform.domain.features.AsOfJoin;
import org.mlplatform.domain.features.EntityKey;

/**
 * One validated record of a feature view: an entity's feature values at an event time. Values are
 * in the table's feature order and in their canonical Java types ({@link
 * org.mlplatform.domain.features.FeatureType#coerce}); any of them may be null.
 */
public record FeatureRow(EntityKey key, Instant eventTime, Object[] values) {

  public FeatureRow {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(eventTime, "eventTime");
    values = values.clone();
  }

  /** A copy of the values (the row stays immutable); use {@link #value} on hot paths. */
  @Override
  public Object[] values() {
    return values.clone();
  }

  public Object value(int featureIndex) {
    return values[featureIndex];
  }

  public int valueCount() {
    return values.length;
  }

  /** This row as the point-in-time join sees it. */
  public AsOfJoin.Observation toObservation() {
    return new AsOfJoin.Observation(key, eventTime, values.clone());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeatureRow other
        && key.equals(other.key)
        && eventTime.equals(other.eventTime)
        && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, eventTime, Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    return "FeatureRow[" + key + " @ " + eventTime + " " + Arrays.toString(values) + "]";
  }
}
